// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/municipality.h"

#include "jrr/domain/core/text.h"

namespace jrr {

Result<Municipality> Municipality::Create(std::string_view code, std::string_view name) {
  auto parsed_code = MunicipalityCode::Parse(code);
  if (!parsed_code) return parsed_code.error();
  auto length = CheckText(name, {.max_bytes = 160});
  if (!length) return length.error();
  const bool suffix_ok =
      name.ends_with("市") || name.ends_with("区") || name.ends_with("町") || name.ends_with("村");
  if (*length > 40 || !suffix_ok || TrimSpaces(name).size() != name.size()) {
    return MakeError(ErrorCode::kInvalidInput, "municipality.name_invalid",
                     "name must be 1-40 characters ending in 市, 区, 町 or 村");
  }
  return Municipality{std::move(parsed_code).value(), std::string(name)};
}

}  // namespace jrr

#include "jrr/domain/core/municipality_repository.h"

namespace jrr {

Result<Municipality> InitializeRegister(MunicipalityRepository& repository, std::string_view code,
                                        std::string_view name) {
  auto municipality = Municipality::Create(code, name);
  if (!municipality) return municipality.error();
  if (auto recorded = repository.Initialize(*municipality); !recorded) return recorded.error();
  return municipality;
}

}  // namespace jrr
