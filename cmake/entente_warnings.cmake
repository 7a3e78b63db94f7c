# An INTERFACE target linked PRIVATE by all of our own code (not by third-party code), as
# ccache's standard_warnings does, so that warnings never leak into users of the libraries.
add_library(entente_warnings INTERFACE)
target_compile_options(entente_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(ENTENTE_WARNINGS_AS_ERRORS)
  target_compile_options(entente_warnings INTERFACE -Werror)
endif()
