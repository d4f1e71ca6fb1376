"""notice.publication_order and the indexes of recent additions and withdrawals

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

from notices.domain import InvalidEntityId, publication_order


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

notice = sa.table(
    'notice',
    sa.column('id', sa.Integer),
    sa.column('entity_id', sa.String),
    sa.column('publication_order', sa.BigInteger),
)


def upgrade() -> None:
    with op.batch_alter_table('notice') as batch:
        batch.add_column(sa.Column('publication_order', sa.BigInteger(), nullable=False,
                                   server_default='0'))
    connection = op.get_bind()
    rows = connection.execute(sa.select(notice.c.id, notice.c.entity_id)).all()
    values = []
    for notice_id, entity_id in rows:
        try:
            values.append({'row_id': notice_id, 'order': publication_order(entity_id)})
        except InvalidEntityId:
            continue  # never stored by a load; keeps 0, the oldest place
    if values:
        connection.execute(
            notice.update()
            .where(notice.c.id == sa.bindparam('row_id'))
            .values(publication_order=sa.bindparam('order')),
            values,
        )
    op.create_index('ix_notice_first_published', 'notice',
                    ['first_published', 'publication_order'])
    op.create_index('ix_notice_withdrawn_at', 'notice', ['withdrawn_at'])


def downgrade() -> None:
    op.drop_index('ix_notice_withdrawn_at', table_name='notice')
    op.drop_index('ix_notice_first_published', table_name='notice')
    with op.batch_alter_table('notice') as batch:
        batch.drop_column('publication_order')
