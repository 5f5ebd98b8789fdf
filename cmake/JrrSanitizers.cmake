# JRR_SANITIZERS is a list such as "address;undefined" or "thread". It applies to every target,
# including tests, so a sanitizer report fails the test that triggered it.
if(JRR_SANITIZERS)
  if("thread" IN_LIST JRR_SANITIZERS AND "address" IN_LIST JRR_SANITIZERS)
    message(FATAL_ERROR "JRR_SANITIZERS: thread cannot be combined with address")
  endif()
  list(JOIN JRR_SANITIZERS "," _jrr_sanitizer_list)
  add_compile_options(-fsanitize=${_jrr_sanitizer_list} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_jrr_sanitizer_list})
  message(STATUS "jrr: building with sanitizers ${_jrr_sanitizer_list}")
endif()
