"""index_journal: the change journal that every node's index follows

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'index_journal',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  primary_key=True, autoincrement=True),
        sa.Column('load_run_id', sa.Integer(), sa.ForeignKey('load_run.id'), nullable=False),
        sa.Column('entity_id', sa.String(16), nullable=False),
        sa.Column('change', sa.String(10), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('index_journal')
