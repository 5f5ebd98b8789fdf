-- 0016: 世帯員の並び順の設定 (JK-5.2). Append-only: the latest row of a household is its order.
CREATE TABLE household_order (
  entry_id         INTEGER PRIMARY KEY,
  household_number TEXT NOT NULL,
  members          TEXT NOT NULL,  -- 宛名番号, space-separated, in print order
  operator_id      TEXT NOT NULL,
  recorded_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX household_order_latest ON household_order(household_number, entry_id);
CREATE TRIGGER household_order_no_update BEFORE UPDATE ON household_order BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER household_order_no_delete BEFORE DELETE ON household_order BEGIN SELECT RAISE(ABORT, 'append-only'); END;
