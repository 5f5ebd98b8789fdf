-- 0024: 最終登録住所地 (JK-4.1.1.4), for an unnotified move-in: the last address where the person
-- was registered. A data item of the register, not a 住民票 item; never printed.
ALTER TABLE resident_version ADD COLUMN last_registered_address TEXT NOT NULL DEFAULT '';
