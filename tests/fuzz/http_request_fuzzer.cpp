// SPDX-License-Identifier: Apache-2.0
//
// The HTTP request decoder: raw bytes as a client sends them, parsed by Poco into a request head
// (whose refusals are Poco's exceptions) and decoded by jrr into a Request (whose refusals are a
// malformed URI and a body too large). Anything else — a crash, a sanitizer report, another
// exception — is a defect.
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>

#include <sstream>
#include <stdexcept>

#include "fuzz_input.h"
#include "jrr/web/core/request_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(jrr::fuzz::Text(data, size)));
  Poco::Net::HTTPRequest head;
  try {
    head.read(in);
  } catch (const Poco::Exception&) {
    return 0;  // Poco refused the head: the server answers 400
  }
  try {
    const jrr::web::Request request = jrr::web::DecodeRequest(head, in, "127.0.0.1");
    jrr::fuzz::Require(request.body.size() <= jrr::web::kMaxBodyBytes, "the body limit holds");
    (void)request.Cookie("jrr_session");
    (void)request.Query("atena");
    (void)request.FormPairs();
    (void)request.Part("image");
  } catch (const Poco::SyntaxException&) {
    // a malformed URI: 400
  } catch (const std::length_error&) {
    // a body over the limit: 413
  }
  return 0;
}
