"""SQLAlchemy 2.0 declarative models: notices, warrants, pictures, the record of every load and
the contact directory."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

STATUS_ACTIVE = "active"
STATUS_WITHDRAWN = "withdrawn"


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Notice(Base):
    """One published notice of any kind; see DESIGN §3 for the meaning of each field."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=STATUS_ACTIVE)

    family_name: Mapped[str | None] = mapped_column(Text)
    forename: Mapped[str | None] = mapped_column(Text)
    family_name_original: Mapped[str | None] = mapped_column(Text)
    forename_original: Mapped[str | None] = mapped_column(Text)
    birth_name: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    sex: Mapped[str | None] = mapped_column(String(1))
    date_of_birth: Mapped[str | None] = mapped_column(String(10))
    place_of_birth: Mapped[str | None] = mapped_column(Text)
    country_of_birth: Mapped[str | None] = mapped_column(String(8))
    nationalities: Mapped[list] = mapped_column(JSON, default=list)
    height: Mapped[float | None] = mapped_column(Float)
    weight: Mapped[float | None] = mapped_column(Float)
    eye_colors: Mapped[list] = mapped_column(JSON, default=list)
    hair_colors: Mapped[list] = mapped_column(JSON, default=list)
    languages: Mapped[list] = mapped_column(JSON, default=list)
    distinguishing_marks: Mapped[str | None] = mapped_column(Text)

    event_date: Mapped[str | None] = mapped_column(String(10))
    event_place: Mapped[str | None] = mapped_column(Text)
    event_country: Mapped[str | None] = mapped_column(String(8))
    father_name: Mapped[str | None] = mapped_column(Text)
    father_forename: Mapped[str | None] = mapped_column(Text)
    mother_name: Mapped[str | None] = mapped_column(Text)
    mother_forename: Mapped[str | None] = mapped_column(Text)
    countries_likely_visited: Mapped[list] = mapped_column(JSON, default=list)

    un_reference: Mapped[str | None] = mapped_column(Text)
    un_reference_date: Mapped[str | None] = mapped_column(String(10))
    un_resolution: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    identity_documents: Mapped[list] = mapped_column(JSON, default=list)
    associates: Mapped[list] = mapped_column(JSON, default=list)
    addresses: Mapped[list] = mapped_column(JSON, default=list)
    also_known_as: Mapped[list] = mapped_column(JSON, default=list)
    formerly_known_as: Mapped[list] = mapped_column(JSON, default=list)
    main_activity: Mapped[str | None] = mapped_column(Text)
    legal_form: Mapped[str | None] = mapped_column(Text)

    content_hash: Mapped[str] = mapped_column(String(64))
    first_published: Mapped[datetime] = mapped_column(DateTime)
    # domain.publication_order(entity_id): orders notices first published at the same instant.
    publication_order: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    last_changed: Mapped[datetime] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_load_id: Mapped[int | None] = mapped_column(ForeignKey("load_run.id"))

    warrants: Mapped[list[Warrant]] = relationship(
        back_populates="notice", order_by="Warrant.position", cascade="all, delete-orphan"
    )
    pictures: Mapped[list[Picture]] = relationship(
        back_populates="notice", order_by="Picture.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_notice_kind_status", "kind", "status"),
        # "Recently added" and the feeds read the latest additions and withdrawals.
        Index("ix_notice_first_published", "first_published", "publication_order"),
        Index("ix_notice_withdrawn_at", "withdrawn_at"),
    )

    @property
    def active(self) -> bool:
        return self.status == STATUS_ACTIVE


class Warrant(Base):
    """An arrest warrant of a red notice: who issued it and for what."""

    __tablename__ = "warrant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    issuing_country: Mapped[str | None] = mapped_column(String(8))
    charge: Mapped[str | None] = mapped_column(Text)
    charge_translation: Mapped[str | None] = mapped_column(Text)

    notice: Mapped[Notice] = relationship(back_populates="warrants")


class Picture(Base):
    """A picture of a notice, stored re-encoded and content-addressed under the media dir."""

    __tablename__ = "picture"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    picture_id: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    thumb_sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)

    notice: Mapped[Notice] = relationship(back_populates="pictures")


class LoadRun(Base):
    """One run of `notices load`: where from, how, and what it did."""

    __tablename__ = "load_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(16))  # full | partial
    kinds: Mapped[list] = mapped_column(JSON, default=list)
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)  # the source said it is fictitious
    status: Mapped[str] = mapped_column(String(16), default="running")
    message: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    withdrawn: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    # Committed, but its post-commit index update has not finished (yet, or ever: killed).
    index_pending: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    rejections: Mapped[list[LoadRejection]] = relationship(
        back_populates="load_run", order_by="LoadRejection.id", cascade="all, delete-orphan"
    )


class LoadRejection(Base):
    """One record a load rejected: its source, the JSON path at fault and why."""

    __tablename__ = "load_rejection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    load_run_id: Mapped[int] = mapped_column(
        ForeignKey("load_run.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(Text)
    json_path: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    entity_id: Mapped[str | None] = mapped_column(String(16))

    load_run: Mapped[LoadRun] = relationship(back_populates="rejections")


class JournalEntry(Base):
    """One notice a committed load added, changed or withdrew, in commit order: what every
    node's index follows (`notices index follow`). Written in the load's own transaction, after
    the load lock, so sequence numbers grow in the order loads commit."""

    __tablename__ = "index_journal"

    # SQLite numbers rows itself only for an INTEGER PRIMARY KEY: BIGINT elsewhere.
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    load_run_id: Mapped[int] = mapped_column(ForeignKey("load_run.id"))
    entity_id: Mapped[str] = mapped_column(String(16))
    change: Mapped[str] = mapped_column(String(10))  # added | changed | withdrawn
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class Contact(Base):
    """The operator's contact for one country (or wanted-by authority): staff load the whole
    directory from a file (`notices contacts load`), the notice pages show it."""

    __tablename__ = "contact"

    country: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[dict] = mapped_column(JSON, default=dict)  # UI language -> text
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ContactLoad(Base):
    """One committed `notices contacts load`: its file and what it changed. The newest load
    that changed something dates every notice page (Last-Modified)."""

    __tablename__ = "contact_load"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)  # the fictitious demo directory
    loaded_at: Mapped[datetime] = mapped_column(DateTime)
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
