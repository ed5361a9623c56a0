"""imported questions keep formatting (rich HTML) and images (question_media)

Revision ID: 9ce32cac47f0
Revises: f4c1d2b3a5e6
Create Date: 2026-11-30 08:11:01.992066

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9ce32cac47f0'
down_revision = 'f4c1d2b3a5e6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'question_media',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('mimetype', sa.String(length=40), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ['question_id'],
            ['question.id'],
            name=op.f('fk_question_media_question_id_question'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_question_media')),
        sa.UniqueConstraint(
            'question_id', 'name', name=op.f('uq_question_media_question_id_name')
        ),
    )
    with op.batch_alter_table('question_media', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_question_media_question_id'), ['question_id'], unique=False
        )

    with op.batch_alter_table('choice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_html', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('feedback_html', sa.Text(), nullable=True))

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stem_html', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('explanation_html', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('explanation_html')
        batch_op.drop_column('stem_html')

    with op.batch_alter_table('choice', schema=None) as batch_op:
        batch_op.drop_column('feedback_html')
        batch_op.drop_column('text_html')

    with op.batch_alter_table('question_media', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_media_question_id'))

    op.drop_table('question_media')
