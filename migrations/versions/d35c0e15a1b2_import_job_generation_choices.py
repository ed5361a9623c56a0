"""import job generation choices

Revision ID: d35c0e15a1b2
Revises: 9ce32cac47f0
Create Date: 2026-11-30 08:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd35c0e15a1b2'
down_revision = '9ce32cac47f0'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('max_questions', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('kinds', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.drop_column('kinds')
        batch_op.drop_column('max_questions')
