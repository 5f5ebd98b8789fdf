-- 0005: indexes for finding a person by number or by the basic facts (再転入 detection,
-- JK-4.1.1.2; and the search of JK-2.1.3). Lookups filter on the latest version themselves.
CREATE INDEX resident_version_individual_number ON resident_version(individual_number)
  WHERE individual_number <> '';
CREATE INDEX resident_version_residence_card ON resident_version(foreign_residence_card_number)
  WHERE foreign_residence_card_number <> '';
CREATE INDEX resident_version_basic_facts ON resident_version(birth_date_sort, family_name, given_name);
