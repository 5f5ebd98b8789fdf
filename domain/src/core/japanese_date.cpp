// SPDX-License-Identifier: Apache-2.0
//
// The parser reads a date in two steps: a tokenizer turns the text into a short list of tokens
// (numbers, era, 年/月/日, 頃, 推定, …) whatever the width or numeral style, and a table of token
// patterns — one per accepted notation and per 不詳日 form — picks the meaning. Adding a notation
// is one row in kPatterns. Everything is table-driven and allocation-light: the benchmark target
// is one million parses a second (docs/performance.md).
#include "jrr/domain/core/japanese_date.h"

#include <array>
#include <charconv>
#include <initializer_list>

#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

constexpr CalendarDate kGregorianAdoption{1873, 1, 1};  // 明治6年1月1日 (明治5年太政官布告第337号)

enum class Tok : uint8_t {
  kNum,
  kEra,
  kYear,
  kNen,
  kTsuki,
  kNichi,
  kGoro,
  kSuitei,
  kSeason,
  kTenDays,
  kFusho,
  kKara,
  kMade,
  kNoAida,
  kDot,
  kSlash,
  kHyphen,
};

struct Token {
  Tok kind;
  int value = 0;   // number, era index, season or ten-days value
  int digits = 0;  // for kNum: how many digits were written
  int era = -1;    // for kYear
};

constexpr std::size_t kMaxTokens = 24;

struct Tokens {
  std::array<Token, kMaxTokens> items;
  std::size_t size = 0;
  bool Push(Token t) {
    if (size == kMaxTokens) return false;
    items[size++] = t;
    return true;
  }
};

int DigitValue(char32_t c) { return DecimalDigitValue(c); }
int KanjiDigit(char32_t c) { return KanjiDigitValue(c); }

bool IsSpace(char32_t c) { return c == U' ' || c == U'\u3000'; }

bool StartsWith(std::u32string_view s, std::size_t at, std::u32string_view prefix) {
  return s.size() - at >= prefix.size() && s.compare(at, prefix.size(), prefix) == 0;
}

// Reads a run of kanji numerals: 二十七 → 27, 十一 → 11, 三十 → 30, 二〇二五 → 2025. With 十 the run
// is "[digit]十[digit]" (tens and ones); without it the digits are positional.
bool ReadKanjiNumber(std::u32string_view s, std::size_t& i, Token& out) {
  const std::size_t start = i;
  while (i < s.size() && (KanjiDigit(s[i]) >= 0 || s[i] == U'十')) ++i;
  const std::u32string_view run = s.substr(start, i - start);
  const std::size_t ten = run.find(U'十');
  if (ten == std::u32string_view::npos) {
    if (run.size() > 8) return false;
    int value = 0;
    for (char32_t c : run) value = value * 10 + KanjiDigit(c);
    out = Token{Tok::kNum, value, static_cast<int>(run.size())};
    return true;
  }
  const std::u32string_view tens = run.substr(0, ten);
  const std::u32string_view ones = run.substr(ten + 1);
  if (tens.size() > 1 || ones.size() > 1 || ones.find(U'十') != std::u32string_view::npos) {
    return false;
  }
  const int value =
      (tens.empty() ? 1 : KanjiDigit(tens[0])) * 10 + (ones.empty() ? 0 : KanjiDigit(ones[0]));
  out = Token{Tok::kNum, value, 2};
  return true;
}

// Returns false when the text holds anything no notation uses.
bool Tokenize(std::u32string_view s, const EraTable& eras, Tokens& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = s[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (DigitValue(c) >= 0) {
      int value = 0, digits = 0;
      while (i < s.size() && DigitValue(s[i]) >= 0) {
        if (++digits > 8) return false;
        value = value * 10 + DigitValue(s[i]);
        ++i;
      }
      if (!out.Push(Token{Tok::kNum, value, digits})) return false;
      continue;
    }
    if (KanjiDigit(c) >= 0 || c == U'十') {
      Token t{Tok::kNum};
      if (!ReadKanjiNumber(s, i, t) || !out.Push(t)) return false;
      continue;
    }
    // Era names first, so 明治 is not read as 明 + 治.
    bool matched = false;
    for (std::size_t e = 0; e < eras.eras().size() && !matched; ++e) {
      const std::u32string_view name32 = eras.Name32(static_cast<int>(e));
      if (StartsWith(s, i, name32)) {
        if (!out.Push(Token{Tok::kEra, static_cast<int>(e)})) return false;
        i += name32.size();
        matched = true;
      }
    }
    if (matched) continue;
    struct Word {
      std::u32string_view text;
      Tok kind;
      int value;
    };
    static constexpr Word kWords[] = {
        {U"年", Tok::kNen, 0},       {U"月", Tok::kTsuki, 0},     {U"日", Tok::kNichi, 0},
        {U"頃", Tok::kGoro, 0},      {U"ごろ", Tok::kGoro, 0},    {U"推定", Tok::kSuitei, 0},
        {U"春", Tok::kSeason, 1},    {U"夏", Tok::kSeason, 2},    {U"秋", Tok::kSeason, 3},
        {U"冬", Tok::kSeason, 4},    {U"上旬", Tok::kTenDays, 1}, {U"中旬", Tok::kTenDays, 2},
        {U"下旬", Tok::kTenDays, 3}, {U"不詳", Tok::kFusho, 0},   {U"から", Tok::kKara, 0},
        {U"まで", Tok::kMade, 0},    {U"の間", Tok::kNoAida, 0},  {U".", Tok::kDot, 0},
        {U"．", Tok::kDot, 0},       {U"/", Tok::kSlash, 0},      {U"／", Tok::kSlash, 0},
        {U"-", Tok::kHyphen, 0},     {U"－", Tok::kHyphen, 0},    {U"‐", Tok::kHyphen, 0},
        {U"−", Tok::kHyphen, 0},
    };
    for (const Word& w : kWords) {
      if (StartsWith(s, i, w.text)) {
        if (!out.Push(Token{w.kind, w.value})) return false;
        i += w.text.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (StartsWith(s, i, U"西暦")) {
      i += 2;
      continue;
    }  // an optional prefix
    if (c == U'元') {
      if (!out.Push(Token{Tok::kNum, 1, 1})) return false;
      ++i;
      continue;
    }
    char32_t latin = c;
    if (c >= U'Ａ' && c <= U'Ｚ') latin = c - U'Ａ' + U'A';
    if (c >= U'ａ' && c <= U'ｚ') latin = c - U'ａ' + U'a';
    int era = -1;
    if ((latin >= U'A' && latin <= U'Z') || (latin >= U'a' && latin <= U'z')) {
      era = eras.FindByInitial(latin);
    } else {
      era = eras.FindByAbbreviation(c);
    }
    if (era < 0) return false;
    if (!out.Push(Token{Tok::kEra, era})) return false;
    ++i;
  }
  // An era must be followed by its year; fold the pair into one kYear token.
  Tokens folded;
  for (std::size_t k = 0; k < out.size; ++k) {
    const Token& t = out.items[k];
    if (t.kind == Tok::kEra) {
      if (k + 1 >= out.size || out.items[k + 1].kind != Tok::kNum) return false;
      folded.Push(Token{Tok::kYear, out.items[k + 1].value, out.items[k + 1].digits, t.value});
      ++k;
    } else {
      folded.Push(t);
    }
  }
  out = folded;
  return true;
}

// Pattern elements. Y is a year (an era year, or four digits for 西暦); m d M D are numbers
// captured as month, day, month2 and day2; S a season; J 上旬/中旬/下旬; N8 an eight-digit number.
enum class P : uint8_t {
  Y,
  m,
  d,
  M,
  D,
  S,
  J,
  N8,
  Nen,
  Tsuki,
  Nichi,
  Goro,
  Suitei,
  Fusho,
  Kara,
  Made,
  NoAida,
  Dot,
  Slash,
  Hyphen,
};

struct Pattern {
  bool exact;
  UncertainForm form;
  std::array<P, 16> items;
  std::size_t size;
  constexpr Pattern(bool is_exact, UncertainForm f, std::initializer_list<P> list)
      : exact(is_exact), form(f), items{}, size(list.size()) {
    std::size_t k = 0;
    for (P p : list) items[k++] = p;
  }
};

using F = UncertainForm;
constexpr F kNoForm = F::kAllUnknown;  // unused for exact patterns

constexpr Pattern kPatterns[] = {
    {true, kNoForm, {P::Y, P::Nen, P::m, P::Tsuki, P::d, P::Nichi}},
    {true, kNoForm, {P::Y, P::Dot, P::m, P::Dot, P::d}},
    {true, kNoForm, {P::Y, P::Slash, P::m, P::Slash, P::d}},
    {true, kNoForm, {P::Y, P::Hyphen, P::m, P::Hyphen, P::d}},
    {true, kNoForm, {P::N8}},
    {false, F::kYearApprox, {P::Y, P::Nen, P::Goro}},
    {false, F::kMonthApprox, {P::Y, P::Nen, P::m, P::Tsuki, P::Goro}},
    {false, F::kDayApprox, {P::Y, P::Nen, P::m, P::Tsuki, P::d, P::Nichi, P::Goro}},
    {false, F::kEstimatedDay, {P::Suitei, P::Y, P::Nen, P::m, P::Tsuki, P::d, P::Nichi}},
    {false, F::kEstimatedMonth, {P::Suitei, P::Y, P::Nen, P::m, P::Tsuki}},
    {false, F::kSeason, {P::Y, P::Nen, P::S}},
    {false, F::kTenDays, {P::Y, P::Nen, P::m, P::Tsuki, P::J}},
    {false, F::kTenDaysApprox, {P::Y, P::Nen, P::m, P::Tsuki, P::J, P::Goro}},
    {false, F::kAllUnknown, {P::Nen, P::Tsuki, P::Nichi, P::Fusho}},
    {false, F::kMonthDayUnknown, {P::Y, P::Nen, P::Tsuki, P::Nichi, P::Fusho}},
    {false, F::kDayUnknown, {P::Y, P::Nen, P::m, P::Tsuki, P::Nichi, P::Fusho}},
    {false,
     F::kRangeMonthDay,
     {P::Y, P::Nen, P::m, P::Tsuki, P::d, P::Nichi, P::Kara, P::M, P::Tsuki, P::D, P::Nichi,
      P::Goro, P::Made, P::NoAida}},
    {false,
     F::kRangeEstimatedDays,
     {P::Y, P::Nen, P::m, P::Tsuki, P::Suitei, P::d, P::Nichi, P::Kara, P::D, P::Nichi, P::Made,
      P::NoAida}},
    {false,
     F::kRangeApproxDays,
     {P::Y, P::Nen, P::m, P::Tsuki, P::d, P::Nichi, P::Goro, P::Kara, P::D, P::Nichi, P::Goro,
      P::Made, P::NoAida}},
};

struct Captured {
  bool has_year = false;
  int era = -1;
  int era_year = 0;
  int year = 0;
  int month = 0, day = 0, month2 = 0, day2 = 0;
  int season = 0, ten_days = 0;
};

bool Literal(P p, Tok t) {
  switch (p) {
    case P::Nen:
      return t == Tok::kNen;
    case P::Tsuki:
      return t == Tok::kTsuki;
    case P::Nichi:
      return t == Tok::kNichi;
    case P::Goro:
      return t == Tok::kGoro;
    case P::Suitei:
      return t == Tok::kSuitei;
    case P::Fusho:
      return t == Tok::kFusho;
    case P::Kara:
      return t == Tok::kKara;
    case P::Made:
      return t == Tok::kMade;
    case P::NoAida:
      return t == Tok::kNoAida;
    case P::Dot:
      return t == Tok::kDot;
    case P::Slash:
      return t == Tok::kSlash;
    case P::Hyphen:
      return t == Tok::kHyphen;
    default:
      return false;
  }
}

bool Match(const Pattern& pattern, const Tokens& tokens, Captured& out) {
  if (pattern.size != tokens.size) return false;
  Captured c;
  for (std::size_t k = 0; k < pattern.size; ++k) {
    const P p = pattern.items[k];
    const Token& t = tokens.items[k];
    switch (p) {
      case P::Y:
        if (t.kind == Tok::kYear) {
          c.era = t.era;
          c.era_year = t.value;
        } else if (t.kind == Tok::kNum && t.digits == 4) {
          c.year = t.value;
        } else {
          return false;
        }
        c.has_year = true;
        break;
      case P::m:
      case P::d:
      case P::M:
      case P::D: {
        if (t.kind != Tok::kNum || t.digits > 2) return false;
        int& slot = p == P::m ? c.month : p == P::d ? c.day : p == P::M ? c.month2 : c.day2;
        slot = t.value;
        break;
      }
      case P::S:
        if (t.kind != Tok::kSeason) return false;
        c.season = t.value;
        break;
      case P::J:
        if (t.kind != Tok::kTenDays) return false;
        c.ten_days = t.value;
        break;
      case P::N8:
        if (t.kind != Tok::kNum || t.digits != 8) return false;
        c.has_year = true;
        c.year = t.value / 10000;
        c.month = t.value / 100 % 100;
        c.day = t.value % 100;
        break;
      default:
        if (!Literal(p, t.kind)) return false;
    }
  }
  out = c;
  return true;
}

bool Has(const Pattern& pattern, P element) {
  for (std::size_t k = 0; k < pattern.size; ++k) {
    if (pattern.items[k] == element) return true;
  }
  return false;
}

Error DateError(std::string rule, std::string detail) {
  return MakeError(ErrorCode::kInvalidInput, std::move(rule), std::move(detail));
}

// The stated period [first, last] must meet the era it was written in, and must not lie wholly
// in the lunisolar period. For exact days first == last.
Status CheckPeriod(const Captured& c, CalendarDate first, CalendarDate last, const EraTable& eras) {
  if (last < kGregorianAdoption) {
    return DateError("date.lunisolar_period", "before 1873-01-01");
  }
  if (c.era < 0) return {};
  const Era& era = eras.eras()[static_cast<std::size_t>(c.era)];
  if (last < era.start) return DateError("date.outside_era", "before the era began");
  if (const CalendarDate* end = eras.EndExclusive(c.era); end != nullptr && !(first < *end)) {
    return DateError("date.era_overrun", "after the era ended");
  }
  return {};
}

CalendarDate LastOfMonth(int year, int month) { return {year, month, DaysInMonth(year, month)}; }

}  // namespace

// IMP: JK-1.1.8
std::optional<CalendarDate> RecordedDate::InternalDate() const {
  switch (state) {
    case DateState::kExact:
    case DateState::kOldEraOnChangeDay:
      return CalendarDate{year, month, day};
    case DateState::kNonCalendar:
      return LastOfMonth(year, month);
    case DateState::kUncertain:
      break;
  }
  switch (form) {
    case UncertainForm::kAllUnknown:
      return std::nullopt;
    case UncertainForm::kYearApprox:
    case UncertainForm::kMonthDayUnknown:
      return CalendarDate{year, 1, 1};
    case UncertainForm::kSeason: {
      // The first day the season can mean: 春 from March, 夏 June, 秋 September; 冬 can mean
      // January of that year.
      constexpr int kFirstMonth[] = {1, 3, 6, 9, 1};
      return CalendarDate{year, kFirstMonth[static_cast<int>(season)], 1};
    }
    case UncertainForm::kMonthApprox:
    case UncertainForm::kEstimatedMonth:
    case UncertainForm::kDayUnknown:
      return CalendarDate{year, month, 1};
    case UncertainForm::kTenDays:
    case UncertainForm::kTenDaysApprox:
      return CalendarDate{year, month,
                          ten_days == TenDays::kEarly    ? 1
                          : ten_days == TenDays::kMiddle ? 11
                                                         : 21};
    case UncertainForm::kDayApprox:
    case UncertainForm::kEstimatedDay:
    case UncertainForm::kRangeMonthDay:
    case UncertainForm::kRangeEstimatedDays:
    case UncertainForm::kRangeApproxDays:
      return CalendarDate{year, month, day};
  }
  return std::nullopt;
}

std::optional<CalendarDate> RecordedDate::ExactDate() const {
  if (state == DateState::kExact || state == DateState::kOldEraOnChangeDay) {
    return CalendarDate{year, month, day};
  }
  return std::nullopt;
}

// IMP: JK-1.1.8
Result<RecordedDate> ParseDate(std::string_view text, DatePolicy policy, const EraTable& eras) {
  if (auto checked = CheckText(text, {.max_bytes = 256}); !checked) return checked.error();
  const std::u32string s = DecodeUtf8(text);
  Tokens tokens;
  if (!Tokenize(s, eras, tokens)) return DateError("date.unrecognized", "unknown characters");
  const Pattern* pattern = nullptr;
  Captured c;
  for (const Pattern& p : kPatterns) {
    if (Match(p, tokens, c)) {
      pattern = &p;
      break;
    }
  }
  if (pattern == nullptr) return DateError("date.unrecognized", "no notation matches");
  if (!pattern->exact && policy == DatePolicy::kCalendarOnly) {
    return MakeError(ErrorCode::kRuleViolation, "date.uncertain_not_allowed",
                     "an uncertain date in a calendar-only item");
  }

  RecordedDate r;
  if (c.has_year) {
    if (c.era >= 0) {
      if (c.era_year < 1) return DateError("date.era_year_zero", "era year 0");
      r.era = c.era;
      r.era_year = c.era_year;
      c.year = eras.GregorianYear(c.era, c.era_year);
    }
    if (c.year < 1 || c.year > 9999) return DateError("date.unrecognized", "year out of range");
    r.year = c.year;
  }
  // Every month and day the notation states must be in range; 0 is never "not stated".
  const bool eight_digits = pattern->items[0] == P::N8;
  for (P slot : {P::m, P::M}) {
    const int month = slot == P::m ? c.month : c.month2;
    if (((eight_digits && slot == P::m) || Has(*pattern, slot)) && (month < 1 || month > 12)) {
      return DateError("date.month_out_of_range", "month " + std::to_string(month));
    }
  }
  for (P slot : {P::d, P::D}) {
    const int day = slot == P::d ? c.day : c.day2;
    if (((eight_digits && slot == P::d) || Has(*pattern, slot)) && (day < 1 || day > 31)) {
      return DateError("date.day_out_of_range", "day " + std::to_string(day));
    }
  }
  r.month = c.month;
  r.day = c.day;
  r.month2 = c.month2;
  r.day2 = c.day2;
  r.season = static_cast<Season>(c.season);
  r.ten_days = static_cast<TenDays>(c.ten_days);

  if (pattern->exact) {
    const CalendarDate date{c.year, c.month, c.day};
    if (!IsValid(date)) {
      if (policy != DatePolicy::kKosekiConsistent) {
        return DateError("date.not_on_calendar", "not a day of that month");
      }
      if (auto ok = CheckPeriod(c, {c.year, c.month, 1}, LastOfMonth(c.year, c.month), eras); !ok) {
        return ok.error();
      }
      r.state = DateState::kNonCalendar;
      return r;
    }
    if (date < kGregorianAdoption) return DateError("date.lunisolar_period", "before 1873-01-01");
    if (c.era >= 0) {
      const Era& era = eras.eras()[static_cast<std::size_t>(c.era)];
      if (date < era.start) return DateError("date.outside_era", "before the era began");
      const CalendarDate* end = eras.EndExclusive(c.era);
      if (end != nullptr && !(date < *end)) {
        const bool change_day =
            date == *end && eras.eras()[static_cast<std::size_t>(c.era) + 1].old_era_on_start_day;
        if (change_day && policy == DatePolicy::kKosekiConsistent) {
          r.state = DateState::kOldEraOnChangeDay;
          return r;
        }
        return DateError("date.era_overrun", "after the era ended");
      }
    }
    // A calendar day is the same day however it was written: keep the canonical era.
    const EraYear canonical = eras.ToEraYear(date);
    r.era = canonical.era;
    r.era_year = canonical.year;
    r.state = DateState::kExact;
    return r;
  }

  r.state = DateState::kUncertain;
  r.form = pattern->form;
  if (r.form == UncertainForm::kAllUnknown) return r;
  // The period the text allows, for the era and calendar checks.
  CalendarDate first{c.year, 1, 1};
  CalendarDate last{c.year, 12, 31};
  if (c.month != 0) {
    first = {c.year, c.month, 1};
    last = LastOfMonth(c.year, c.month);
  }
  if (c.ten_days != 0) {
    first.day = c.ten_days == 1 ? 1 : c.ten_days == 2 ? 11 : 21;
    last.day = c.ten_days == 1 ? 10 : c.ten_days == 2 ? 20 : last.day;
  }
  if (c.day != 0) {
    first = {c.year, c.month, c.day};
    if (!IsValid(first)) return DateError("date.not_on_calendar", "not a day of that month");
    last = first;
  }
  if (c.day2 != 0) {
    last = {c.year, c.month2 != 0 ? c.month2 : c.month, c.day2};
    if (!IsValid(last)) return DateError("date.not_on_calendar", "range end not on calendar");
    if (!(first < last)) return DateError("date.range_reversed", "range end before start");
  }
  if (auto ok = CheckPeriod(c, first, last, eras); !ok) return ok.error();
  return r;
}

Result<CalendarDate> ParseCalendarDate(std::string_view text, const EraTable& eras) {
  auto parsed = ParseDate(text, DatePolicy::kCalendarOnly, eras);
  if (!parsed) return parsed.error();
  return *parsed->ExactDate();
}

namespace {

void AppendInt(std::string& out, int value) {
  char buffer[12];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void AppendEraYear(std::string& out, const EraTable& eras, int era, int era_year) {
  out += eras.eras()[static_cast<std::size_t>(era)].name;
  if (era_year == 1) {
    out += "元";
  } else {
    AppendInt(out, era_year);
  }
  out += "年";
}

// The year part of a RecordedDate: as written when written in an era; otherwise in the chosen
// calendar (the era of the earliest day the text allows).
void AppendYear(std::string& out, const RecordedDate& d, DisplayCalendar calendar,
                const EraTable& eras) {
  if (calendar == DisplayCalendar::kSeireki) {
    AppendInt(out, d.year);
    out += "年";
    return;
  }
  if (d.era >= 0) {
    AppendEraYear(out, eras, d.era, d.era_year);
    return;
  }
  const auto internal = d.InternalDate();
  CalendarDate probe = internal ? *internal : CalendarDate{d.year, 1, 1};
  if (!IsValid(probe)) probe = {d.year, probe.month, 1};
  const EraYear ey = eras.ToEraYear(probe);
  if (ey.era < 0) {
    AppendInt(out, d.year);
    out += "年";
  } else {
    AppendEraYear(out, eras, ey.era, ey.year);
  }
}

void AppendMonthDay(std::string& out, int month, int day) {
  if (month != 0) {
    AppendInt(out, month);
    out += "月";
  }
  if (day != 0) {
    AppendInt(out, day);
    out += "日";
  }
}

}  // namespace

std::string FormatWareki(const CalendarDate& d, const EraTable& eras) {
  std::string out;
  out.reserve(32);
  const EraYear ey = eras.ToEraYear(d);
  if (ey.era < 0) return FormatSeireki(d);
  AppendEraYear(out, eras, ey.era, ey.year);
  AppendMonthDay(out, d.month, d.day);
  return out;
}

std::string FormatSeireki(const CalendarDate& d) {
  std::string out;
  out.reserve(24);
  AppendInt(out, d.year);
  out += "年";
  AppendMonthDay(out, d.month, d.day);
  return out;
}

std::string FormatRecordedDate(const RecordedDate& d, DisplayCalendar calendar,
                               const EraTable& eras) {
  switch (d.state) {
    case DateState::kExact:
      return calendar == DisplayCalendar::kWareki ? FormatWareki({d.year, d.month, d.day}, eras)
                                                  : FormatSeireki({d.year, d.month, d.day});
    case DateState::kOldEraOnChangeDay:
    case DateState::kNonCalendar: {
      std::string out;
      AppendYear(out, d, calendar, eras);
      AppendMonthDay(out, d.month, d.day);
      return out;
    }
    case DateState::kUncertain:
      break;
  }
  static constexpr std::string_view kSeasons[] = {"", "春", "夏", "秋", "冬"};
  static constexpr std::string_view kTenDays[] = {"", "上旬", "中旬", "下旬"};
  std::string out;
  if (d.form == UncertainForm::kEstimatedDay || d.form == UncertainForm::kEstimatedMonth) {
    out += "推定";
  }
  if (d.form == UncertainForm::kAllUnknown) return "年月日不詳";
  AppendYear(out, d, calendar, eras);
  switch (d.form) {
    case UncertainForm::kYearApprox:
      out += "頃";
      break;
    case UncertainForm::kMonthApprox:
      AppendMonthDay(out, d.month, 0);
      out += "頃";
      break;
    case UncertainForm::kDayApprox:
      AppendMonthDay(out, d.month, d.day);
      out += "頃";
      break;
    case UncertainForm::kEstimatedDay:
      AppendMonthDay(out, d.month, d.day);
      break;
    case UncertainForm::kEstimatedMonth:
      AppendMonthDay(out, d.month, 0);
      break;
    case UncertainForm::kSeason:
      out += kSeasons[static_cast<int>(d.season)];
      break;
    case UncertainForm::kTenDays:
    case UncertainForm::kTenDaysApprox:
      AppendMonthDay(out, d.month, 0);
      out += kTenDays[static_cast<int>(d.ten_days)];
      if (d.form == UncertainForm::kTenDaysApprox) out += "頃";
      break;
    case UncertainForm::kAllUnknown:
      break;
    case UncertainForm::kMonthDayUnknown:
      out += "\u3000月日不詳";
      break;
    case UncertainForm::kDayUnknown:
      AppendMonthDay(out, d.month, 0);
      out += "\u3000日不詳";
      break;
    case UncertainForm::kRangeMonthDay:
      AppendMonthDay(out, d.month, d.day);
      out += "から";
      AppendMonthDay(out, d.month2, d.day2);
      out += "頃までの間";
      break;
    case UncertainForm::kRangeEstimatedDays:
      AppendMonthDay(out, d.month, 0);
      out += "推定";
      AppendMonthDay(out, 0, d.day);
      out += "から";
      AppendMonthDay(out, 0, d.day2);
      out += "までの間";
      break;
    case UncertainForm::kRangeApproxDays:
      AppendMonthDay(out, d.month, d.day);
      out += "頃から";
      AppendMonthDay(out, 0, d.day2);
      out += "頃までの間";
      break;
  }
  return out;
}

std::string_view DateStateNameJa(const RecordedDate& d) {
  switch (d.state) {
    case DateState::kExact:
      return "暦上日";
    case DateState::kNonCalendar:
      return "暦上日以外の年月日（戸籍との整合）";
    case DateState::kOldEraOnChangeDay:
      return "改元日の旧元号表記（戸籍との整合）";
    case DateState::kUncertain:
      return "不詳日";
  }
  return "";
}

std::string_view DateStateCode(DateState state) {
  switch (state) {
    case DateState::kExact:
      return "exact";
    case DateState::kNonCalendar:
      return "non_calendar";
    case DateState::kOldEraOnChangeDay:
      return "old_era_on_change_day";
    case DateState::kUncertain:
      return "uncertain";
  }
  return "";
}

std::string_view UncertainFormCode(UncertainForm form) {
  switch (form) {
    case UncertainForm::kYearApprox:
      return "year_approx";
    case UncertainForm::kMonthApprox:
      return "month_approx";
    case UncertainForm::kDayApprox:
      return "day_approx";
    case UncertainForm::kEstimatedDay:
      return "estimated_day";
    case UncertainForm::kEstimatedMonth:
      return "estimated_month";
    case UncertainForm::kSeason:
      return "season";
    case UncertainForm::kTenDays:
      return "ten_days";
    case UncertainForm::kTenDaysApprox:
      return "ten_days_approx";
    case UncertainForm::kAllUnknown:
      return "all_unknown";
    case UncertainForm::kMonthDayUnknown:
      return "month_day_unknown";
    case UncertainForm::kDayUnknown:
      return "day_unknown";
    case UncertainForm::kRangeMonthDay:
      return "range_month_day";
    case UncertainForm::kRangeEstimatedDays:
      return "range_estimated_days";
    case UncertainForm::kRangeApproxDays:
      return "range_approx_days";
  }
  return "";
}

RecordedDate ExactRecordedDate(CalendarDate day, const EraTable& eras) {
  RecordedDate r;
  r.state = DateState::kExact;
  r.year = day.year;
  r.month = day.month;
  r.day = day.day;
  const EraYear era = eras.ToEraYear(day);
  r.era = era.era;
  r.era_year = era.year;
  return r;
}

}  // namespace jrr
