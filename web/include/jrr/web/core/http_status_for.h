// SPDX-License-Identifier: Apache-2.0
//
// The single mapping from an ErrorCode to an HTTP status. The switch has no default, so a new
// ErrorCode that is not mapped here fails the build (-Werror=switch).
#pragma once

#include "jrr/domain/core/result.h"

namespace jrr::web {

int HttpStatusFor(ErrorCode code);

}  // namespace jrr::web
