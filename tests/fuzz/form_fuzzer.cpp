// SPDX-License-Identifier: Apache-2.0
//
// Form decoding: application/x-www-form-urlencoded and multipart/form-data bodies (the screens'
// forms and the 印影 upload), cookies and headers, as web::Request reads them.
#include "fuzz_input.h"
#include "jrr/web/core/http.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  // The first byte chooses the body's kind, the second where a Cookie header ends.
  const bool multipart = (data[0] & 1) != 0;
  const std::size_t cookie_length = std::min<std::size_t>(data[1], size - 2);
  const std::string_view rest = jrr::fuzz::Text(data + 2, size - 2);
  jrr::web::Request request;
  request.method = "POST";
  request.headers = {{"Content-Type", multipart ? "multipart/form-data; boundary=jrr-fuzz"
                                                : "application/x-www-form-urlencoded"},
                     {"Cookie", std::string(rest.substr(0, cookie_length))}};
  request.body = std::string(rest.substr(cookie_length));
  (void)request.Cookie("jrr_session");
  (void)request.Cookie("jrr_login");
  (void)request.Header("content-type");
  const bool text = request.FormIsText();
  const auto pairs = request.FormPairs();
  jrr::fuzz::Require(text || pairs.empty(), "fields that are not text are never handed out");
  for (const auto& [name, value] : pairs) (void)request.Form(name);
  (void)request.Form("csrf");
  if (auto part = request.Part("image")) {
    jrr::fuzz::Require(part->name == "image", "the part asked for is the part returned");
  }
  return 0;
}
