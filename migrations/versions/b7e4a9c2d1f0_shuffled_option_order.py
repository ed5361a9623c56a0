"""shuffled option order stored with each attempt

Revision ID: b7e4a9c2d1f0
Revises: d35c0e15a1b2
Create Date: 2026-11-30 11:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e4a9c2d1f0'
down_revision = 'd35c0e15a1b2'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable: attempts stored before are shown in the options' own order.
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('option_order', sa.JSON(), nullable=True))
    with op.batch_alter_table('attempt_progress', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_id', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('attempt_progress', schema=None) as batch_op:
        batch_op.drop_column('start_id')
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('option_order')
