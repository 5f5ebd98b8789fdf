-- 0031: the residents a 附票 member recorded before 生年月日 was an item is — whoever had its 氏名
-- under the 附票's 本籍・筆頭者 (ResidentsOfUndatedMember) — found by index, as every 異動 writing
-- a 附票 here asks it of the 附票's undated members.
CREATE INDEX IF NOT EXISTS resident_version_domicile_name
  ON resident_version(domicile_place, domicile_head, family_name, given_name);
