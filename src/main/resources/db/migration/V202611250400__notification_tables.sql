-- In-app messages: shown to one account (an identity account id, no foreign key across modules),
-- written in that account's language when the message is created.
CREATE TABLE notification.message (
  id          BIGSERIAL PRIMARY KEY,
  account_id  BIGINT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  link        TEXT,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  read_at     TIMESTAMPTZ
);
CREATE INDEX message_account ON notification.message (account_id, created_at DESC, id DESC);
CREATE INDEX message_unread ON notification.message (account_id) WHERE read_at IS NULL;
