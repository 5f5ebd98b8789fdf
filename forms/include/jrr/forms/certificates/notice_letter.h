// SPDX-License-Identifier: Apache-2.0
//
// 通知書等の様式 — the one layout every NoticeDocument (notice_document.h) prints in: reference
// and date top right; the recipient (address, name 様) for a letter; the sender; the title; the
// paragraphs; the items as a two-column table; a list as a ruled table that runs on over as many
// pages as it needs, its heading repeated, each page numbered. Pure filling.
#pragma once

#include <vector>

#include "jrr/domain/certificates/notice_document.h"
#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

std::vector<Sheet> FillNotice(const NoticeDocument& document);

}  // namespace jrr::forms
