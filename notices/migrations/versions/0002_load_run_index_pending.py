"""load_run.index_pending: a committed load whose index update has not finished

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('load_run') as batch:
        batch.add_column(sa.Column('index_pending', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('load_run') as batch:
        batch.drop_column('index_pending')
