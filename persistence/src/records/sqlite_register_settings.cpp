// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/sqlite_register_settings.h"

#include "jrr/domain/core/storage_error.h"

namespace jrr {
namespace {

CalendarDate Day(const std::string& text) {
  auto day = ParseIsoDate(text);
  if (!day) throw StorageError("storage.failure", "undecodable stored day");
  return *day;
}

// The latest row per key: rows whose entry is the highest for their key.
std::string Latest(const char* table, const char* key, const char* columns) {
  return std::string("SELECT ") + columns + " FROM " + table +
         " t WHERE t.entry_id = (SELECT max(u.entry_id) FROM " + table + " u WHERE u." + key +
         " = t." + key + ") ORDER BY t." + key;
}

}  // namespace

void SqliteRegisterSettings::AddCertifier(const Certifier& c) {
  auto insert = db_.Prepare(
      "INSERT INTO certifier(role, title, name, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert->Bind(1, static_cast<int>(c.role))
      .Bind(2, c.title)
      .Bind(3, c.name)
      .Bind(4, ToIsoString(c.from))
      .Bind(5, c.to ? std::optional<std::string>(ToIsoString(*c.to)) : std::nullopt)
      .Run();
}

std::vector<Certifier> SqliteRegisterSettings::Certifiers() {
  auto statement = db_.Prepare(
      "SELECT role, title, name, valid_from, valid_to FROM certifier ORDER BY valid_from, "
      "certifier_id");
  std::vector<Certifier> all;
  while (statement->Step()) {
    Certifier c;
    c.role = static_cast<CertifierRole>(statement->ColumnInt(0));
    c.title = statement->ColumnText(1);
    c.name = statement->ColumnText(2);
    c.from = Day(statement->ColumnText(3));
    if (!statement->ColumnIsNull(4)) c.to = Day(statement->ColumnText(4));
    all.push_back(c);
  }
  return all;
}

void SqliteRegisterSettings::AddPlace(const InputPlace& place) {
  db_.Prepare("INSERT INTO input_place(code, name) VALUES (?1, ?2)")
      ->Bind(1, place.code)
      .Bind(2, place.name)
      .Run();
}

std::vector<InputPlace> SqliteRegisterSettings::Places() {
  auto statement = db_.Prepare(Latest("input_place", "code", "t.code, t.name"));
  std::vector<InputPlace> places;
  while (statement->Step()) places.push_back({statement->ColumnText(0), statement->ColumnText(1)});
  return places;
}

Status SqliteRegisterSettings::AddTerminal(const Terminal& terminal) {
  auto known = db_.Prepare("SELECT 1 FROM input_place WHERE code = ?1");
  known->Bind(1, terminal.place_code);
  if (!known->Step()) {
    return MakeError(ErrorCode::kInvalidInput, "settings.unknown_place", terminal.place_code);
  }
  db_.Prepare("INSERT INTO terminal(terminal_id, place_code, name) VALUES (?1, ?2, ?3)")
      ->Bind(1, terminal.id)
      .Bind(2, terminal.place_code)
      .Bind(3, terminal.name)
      .Run();
  return {};
}

std::vector<Terminal> SqliteRegisterSettings::Terminals() {
  auto statement =
      db_.Prepare(Latest("terminal", "terminal_id", "t.terminal_id, t.place_code, t.name"));
  std::vector<Terminal> terminals;
  while (statement->Step()) {
    terminals.push_back(
        {statement->ColumnText(0), statement->ColumnText(1), statement->ColumnText(2)});
  }
  return terminals;
}

Status SqliteRegisterSettings::AddPrinter(const Printer& printer) {
  auto known = db_.Prepare("SELECT 1 FROM input_place WHERE code = ?1");
  known->Bind(1, printer.place_code);
  if (!known->Step()) {
    return MakeError(ErrorCode::kInvalidInput, "settings.unknown_place", printer.place_code);
  }
  db_.Prepare("INSERT INTO printer(printer_id, place_code, name) VALUES (?1, ?2, ?3)")
      ->Bind(1, printer.id)
      .Bind(2, printer.place_code)
      .Bind(3, printer.name)
      .Run();
  return {};
}

std::vector<Printer> SqliteRegisterSettings::Printers() {
  auto statement =
      db_.Prepare(Latest("printer", "printer_id", "t.printer_id, t.place_code, t.name"));
  std::vector<Printer> printers;
  while (statement->Step()) {
    printers.push_back(
        {statement->ColumnText(0), statement->ColumnText(1), statement->ColumnText(2)});
  }
  return printers;
}

void SqliteRegisterSettings::SetOverflowPolicy(OverflowPolicy policy) {
  db_.Prepare("INSERT INTO certificate_option(name, value) VALUES ('overflow', ?1)")
      ->Bind(1, policy == OverflowPolicy::kBlank ? "blank" : "limit")
      .Run();
}

OverflowPolicy SqliteRegisterSettings::GetOverflowPolicy() {
  auto statement = db_.Prepare(
      "SELECT value FROM certificate_option WHERE name = 'overflow' ORDER BY entry_id DESC LIMIT "
      "1");
  if (statement->Step() && statement->ColumnText(0) == "blank") return OverflowPolicy::kBlank;
  return OverflowPolicy::kToLimit;
}

void SqliteRegisterSettings::SetSealSettings(const SealSettings& s) {
  // One row, "key=value;…", so a later row replaces the whole set and the history stays.
  std::string value = "minimum_age=" + std::to_string(s.minimum_age);
  value += ";too_small_mm=" + std::to_string(s.too_small_mm);
  value += ";too_large_mm=" + std::to_string(s.too_large_mm);
  value += ";inquiry_days=" + std::to_string(s.inquiry_days);
  value += std::string(";end_on_planned_move_out=") + (s.end_on_planned_move_out ? "1" : "0");
  value += std::string(";print_sex=") + (s.print_sex ? "1" : "0");
  db_.Prepare("INSERT INTO certificate_option(name, value) VALUES ('seal', ?1)")
      ->Bind(1, value)
      .Run();
}

SealSettings SqliteRegisterSettings::GetSealSettings() {
  SealSettings s;
  auto statement = db_.Prepare(
      "SELECT value FROM certificate_option WHERE name = 'seal' ORDER BY entry_id DESC LIMIT 1");
  if (!statement->Step()) return s;
  const std::string text = statement->ColumnText(0);
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(';', at), text.size());
    const std::string pair = text.substr(at, end - at);
    const std::size_t eq = pair.find('=');
    if (eq != std::string::npos) {
      const std::string key = pair.substr(0, eq), v = pair.substr(eq + 1);
      try {
        if (key == "minimum_age") s.minimum_age = std::stoi(v);
        if (key == "too_small_mm") s.too_small_mm = std::stod(v);
        if (key == "too_large_mm") s.too_large_mm = std::stod(v);
        if (key == "inquiry_days") s.inquiry_days = std::stoi(v);
        if (key == "end_on_planned_move_out") s.end_on_planned_move_out = v == "1";
        if (key == "print_sex") s.print_sex = v == "1";
      } catch (const std::logic_error&) {
        throw StorageError("storage.failure", "undecodable seal setting " + key);
      }
    }
    at = end + 1;
  }
  return s;
}

}  // namespace jrr
