"""imported question names, per-option feedback, import report

Revision ID: a41c0d2e7b19
Revises: e1b798c76b68
Create Date: 2026-12-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a41c0d2e7b19'
down_revision = 'e1b798c76b68'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('import_report', sa.JSON(), nullable=True))

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('name', sa.String(length=255), server_default='', nullable=False)
        )

    with op.batch_alter_table('choice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('feedback', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('choice', schema=None) as batch_op:
        batch_op.drop_column('feedback')

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('name')

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('import_report')
