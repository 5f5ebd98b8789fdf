-- 0023: a 職権 異動 done at the person's request (申出による職権記載等, JK-4.2.0.5; 申出による
-- 異動の取消し, JK-4.6.1.1) says so; its 申出日 is the notification_date.
ALTER TABLE change_record ADD COLUMN on_request INTEGER NOT NULL DEFAULT 0 CHECK (on_request IN (0, 1));
