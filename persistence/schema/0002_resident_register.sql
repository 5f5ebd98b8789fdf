-- 0002: the resident register (JK-1.1.1, 1.1.2, 1.2.1).
-- History is kept as the standard prescribes: every 異動 appends, for each person it touches, a
-- complete version — one column per item, all items in one row — keyed by 宛名番号 + 履歴番号.
-- Nothing is updated or deleted; the triggers below make that a property of the file itself.

-- 異動: one row per recorded change.
CREATE TABLE change_record (
  change_id         INTEGER PRIMARY KEY,
  reason            INTEGER NOT NULL,            -- ChangeReason code (JK-1.2.2)
  event_date        TEXT NOT NULL,               -- 異動日 (ISO, or a 不詳日 text)
  event_date_sort   TEXT,                        -- its internal date, for ordering
  notification_date TEXT,                        -- 届出日 / 通知日
  processing_date   TEXT NOT NULL,               -- 処理日
  ex_officio        INTEGER NOT NULL CHECK (ex_officio IN (0, 1)),
  operator_id       TEXT NOT NULL,
  place             TEXT NOT NULL,
  terminal          TEXT NOT NULL,
  note              TEXT NOT NULL DEFAULT '',    -- 留意事項
  alerts            TEXT NOT NULL DEFAULT '',    -- acknowledged アラート, comma-separated
  recorded_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE resident_version (
  addressee_number TEXT NOT NULL,
  history_number INTEGER NOT NULL CHECK (history_number >= 1),
  change_id INTEGER NOT NULL REFERENCES change_record(change_id),
  household_number TEXT NOT NULL,
  kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
  status INTEGER NOT NULL CHECK (status IN (1, 2)),
  family_name TEXT NOT NULL DEFAULT '',
  given_name TEXT NOT NULL DEFAULT '',
  family_kana TEXT NOT NULL DEFAULT '',
  given_kana TEXT NOT NULL DEFAULT '',
  kana_confirmed INTEGER NOT NULL DEFAULT 0,
  former_surname TEXT NOT NULL DEFAULT '',
  former_surname_kana TEXT NOT NULL DEFAULT '',
  common_name TEXT NOT NULL DEFAULT '',
  common_name_kana TEXT NOT NULL DEFAULT '',
  birth_date TEXT NOT NULL,
  birth_date_sort TEXT,
  sex INTEGER NOT NULL CHECK (sex IN (1, 2)),
  relationship TEXT NOT NULL,
  domicile_state INTEGER NOT NULL DEFAULT 1,
  domicile_place TEXT NOT NULL DEFAULT '',
  domicile_head TEXT NOT NULL DEFAULT '',
  resident_since TEXT,
  address_code TEXT NOT NULL DEFAULT '',
  address_text TEXT NOT NULL DEFAULT '',
  address_banchi TEXT NOT NULL DEFAULT '',
  address_katagaki TEXT NOT NULL DEFAULT '',
  address_postal_code TEXT NOT NULL DEFAULT '',
  address_abroad INTEGER NOT NULL DEFAULT 0,
  address_since TEXT,
  notification_date TEXT,
  previous_address_code TEXT NOT NULL DEFAULT '',
  previous_address_text TEXT NOT NULL DEFAULT '',
  previous_address_banchi TEXT NOT NULL DEFAULT '',
  previous_address_katagaki TEXT NOT NULL DEFAULT '',
  previous_address_postal_code TEXT NOT NULL DEFAULT '',
  previous_address_abroad INTEGER NOT NULL DEFAULT 0,
  individual_number TEXT NOT NULL DEFAULT '',
  resident_record_code TEXT NOT NULL DEFAULT '',
  on_electoral_roll INTEGER NOT NULL DEFAULT 0,
  national_health_covered INTEGER NOT NULL DEFAULT 0,
  national_health_acquired TEXT,
  national_health_lost TEXT,
  late_elderly_covered INTEGER NOT NULL DEFAULT 0,
  late_elderly_acquired TEXT,
  late_elderly_lost TEXT,
  long_term_care_covered INTEGER NOT NULL DEFAULT 0,
  long_term_care_acquired TEXT,
  long_term_care_lost TEXT,
  pension_covered INTEGER NOT NULL DEFAULT 0,
  pension_number TEXT NOT NULL DEFAULT '',
  pension_type TEXT NOT NULL DEFAULT '',
  pension_type_changed TEXT,
  pension_acquired TEXT,
  pension_lost TEXT,
  child_allowance_start TEXT NOT NULL DEFAULT '',
  child_allowance_end TEXT NOT NULL DEFAULT '',
  adult_ward INTEGER NOT NULL DEFAULT 0,
  foreign_alphabet_name TEXT NOT NULL DEFAULT '',
  foreign_nationality TEXT NOT NULL DEFAULT '',
  foreign_resident_since TEXT,
  foreign_registered_former_law TEXT,
  foreign_category INTEGER NOT NULL DEFAULT 0,
  foreign_status_of_residence TEXT NOT NULL DEFAULT '',
  foreign_period_of_stay TEXT NOT NULL DEFAULT '',
  foreign_period_expiry TEXT,
  foreign_residence_card_number TEXT NOT NULL DEFAULT '',
  foreign_special_permanent_number TEXT NOT NULL DEFAULT '',
  foreign_landing_period TEXT NOT NULL DEFAULT '',
  foreign_provisional_stay_period TEXT NOT NULL DEFAULT '',
  removal_reason INTEGER,
  removal_effective TEXT,
  removal_planned_code TEXT NOT NULL DEFAULT '',
  removal_planned_text TEXT NOT NULL DEFAULT '',
  removal_planned_banchi TEXT NOT NULL DEFAULT '',
  removal_planned_katagaki TEXT NOT NULL DEFAULT '',
  removal_planned_postal_code TEXT NOT NULL DEFAULT '',
  removal_planned_abroad INTEGER NOT NULL DEFAULT 0,
  removal_confirmed_code TEXT NOT NULL DEFAULT '',
  removal_confirmed_text TEXT NOT NULL DEFAULT '',
  removal_confirmed_banchi TEXT NOT NULL DEFAULT '',
  removal_confirmed_katagaki TEXT NOT NULL DEFAULT '',
  removal_confirmed_postal_code TEXT NOT NULL DEFAULT '',
  removal_confirmed_abroad INTEGER NOT NULL DEFAULT 0,
  removal_move_in_notice_date TEXT,
  removal_confirmed_move_out_date TEXT,
  kana_key TEXT NOT NULL DEFAULT '',
  kanji_key TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (addressee_number, history_number)
) STRICT;

CREATE INDEX resident_version_household ON resident_version(household_number);
CREATE INDEX resident_version_change ON resident_version(change_id);

CREATE TRIGGER change_record_no_update BEFORE UPDATE ON change_record
BEGIN SELECT RAISE(ABORT, 'change_record is append-only'); END;
CREATE TRIGGER change_record_no_delete BEFORE DELETE ON change_record
BEGIN SELECT RAISE(ABORT, 'change_record is append-only'); END;
CREATE TRIGGER resident_version_no_update BEFORE UPDATE ON resident_version
BEGIN SELECT RAISE(ABORT, 'resident_version is append-only'); END;
CREATE TRIGGER resident_version_no_delete BEFORE DELETE ON resident_version
BEGIN SELECT RAISE(ABORT, 'resident_version is append-only'); END;
-- A version always follows the previous one of the same person: 1, 2, 3 … without gaps.
CREATE TRIGGER resident_version_sequence BEFORE INSERT ON resident_version
WHEN NEW.history_number <> 1 + coalesce(
  (SELECT max(history_number) FROM resident_version WHERE addressee_number = NEW.addressee_number), 0)
BEGIN SELECT RAISE(ABORT, 'resident_version history_number out of sequence'); END;
