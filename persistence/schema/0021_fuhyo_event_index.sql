-- 0021: the latest state event of a 附票 is one index step (without it every read of a 附票 scanned
-- fuhyo_event from the end: quadratic in a town's bulk load).
CREATE INDEX fuhyo_event_of ON fuhyo_event(fuhyo_id, event_id);
