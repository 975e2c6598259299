-- Web Push (RFC 8030/8291/8292): the application server's VAPID key pair, made once and shared by
-- every node, and the browsers' push subscriptions of each account.
CREATE TABLE notification.web_push_key (
  id          INT PRIMARY KEY CHECK (id = 1),
  public_key  TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE notification.push_subscription (
  id          BIGSERIAL PRIMARY KEY,
  account_id  BIGINT NOT NULL,
  endpoint    TEXT NOT NULL UNIQUE CHECK (endpoint ~ '^https?://'),
  p256dh      TEXT NOT NULL,
  auth        TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_sent_at TIMESTAMPTZ,
  failures    INT NOT NULL DEFAULT 0
);
CREATE INDEX push_subscription_account ON notification.push_subscription (account_id);
