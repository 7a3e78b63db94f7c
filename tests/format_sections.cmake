# Fails when a citation of docs/format.md names a section that is not one of its headings.
#   cmake -DROOT=<source folder> -P format_sections.cmake
#
# A citation stands on one line: `docs/format.md`, a space, then a section number, which may
# follow `section `, `sections ` or `§` (with or without a space after it):
#   docs/format.md 3.2    docs/format.md section 5    docs/format.md §3.1    docs/format.md § 4
# A section number is N or N.M, digits only. Numbers joined to it by `, `, ` and ` or ` to `
# are checked too: `docs/format.md sections 3.1, 3.3 to 3.5` cites 3.1, 3.3 and 3.5. A
# mention without a number (`see docs/format.md`, a link) cites no section and is not
# checked, but `section` or `§` after it with no number is an error.
#
# A number is a heading when docs/format.md has a line `## N. Title` or `### N.M Title`.
#
# Read: README.md, ARCHITECTURE.md, docs/*.md, and every *.h, *.cpp, *.sh, *.py, *.cmake and
# *.md file under engine/, reports/, tools/ and tests/, but this one, whose examples above
# cite nothing. Finding no citation outside docs/format.md itself is a failure too, so that
# the check cannot pass by reading nothing.

cmake_minimum_required(VERSION 3.25)

set(reference ${ROOT}/docs/format.md)
if(NOT EXISTS ${reference})
  message(FATAL_ERROR "format.sections: ${reference} does not exist")
endif()

# The section numbers docs/format.md has as headings.
file(STRINGS ${reference} heading_lines REGEX "^(## [0-9]+\\.|### [0-9]+\\.[0-9]+) ")
set(headings "")
foreach(line IN LISTS heading_lines)
  string(REGEX REPLACE "^##(#)? ([0-9]+(\\.[0-9]+)?).*$" "\\2" number "${line}")
  string(REGEX REPLACE "\\.$" "" number "${number}")
  list(APPEND headings ${number})
endforeach()
if(NOT headings)
  message(FATAL_ERROR "format.sections: ${reference} has no heading `## N.` or `### N.M`")
endif()

set(number_re "[0-9]+(\\.[0-9]+)?")
set(citation_re "docs/format\\.md (sections? |§ ?)?${number_re}((, | and | to )${number_re})*")
set(numberless_re "docs/format\\.md (sections?|§)")

set(files ${ROOT}/README.md ${ROOT}/ARCHITECTURE.md)
file(GLOB docs ${ROOT}/docs/*.md)
list(APPEND files ${docs})
foreach(folder IN ITEMS engine reports tools tests)
  foreach(extension IN ITEMS h cpp sh py cmake md)
    file(GLOB_RECURSE found ${ROOT}/${folder}/*.${extension})
    list(APPEND files ${found})
  endforeach()
endforeach()
list(REMOVE_DUPLICATES files)
list(REMOVE_ITEM files ${CMAKE_CURRENT_LIST_FILE})
list(SORT files)

set(bad "")
set(citations 0)
set(citations_elsewhere 0)
foreach(file IN LISTS files)
  file(READ ${file} text)
  string(FIND "${text}" "docs/format.md" at)
  if(at EQUAL -1)
    continue()
  endif()
  # One list item a line: the characters CMake's lists treat specially become `?` first.
  foreach(special IN ITEMS "\\" "[" "]")
    string(REPLACE "${special}" "?" text "${text}")
  endforeach()
  string(REPLACE ";" "?" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  file(RELATIVE_PATH name ${ROOT} ${file})
  set(line_number 0)
  foreach(line IN LISTS lines)
    math(EXPR line_number "${line_number} + 1")
    string(FIND "${line}" "docs/format.md" at)
    if(at EQUAL -1)
      continue()
    endif()
    string(REGEX MATCHALL "${citation_re}" found "${line}")
    foreach(citation IN LISTS found)
      math(EXPR citations "${citations} + 1")
      if(NOT name STREQUAL "docs/format.md")
        math(EXPR citations_elsewhere "${citations_elsewhere} + 1")
      endif()
      # `docs/format.md` holds no digit: the digits of a citation are its numbers.
      string(REGEX MATCHALL "${number_re}" numbers "${citation}")
      foreach(number IN LISTS numbers)
        if(NOT number IN_LIST headings)
          string(APPEND bad "\n  ${name}:${line_number}: section ${number} is not a heading "
                            "of docs/format.md (\"${citation}\")")
        endif()
      endforeach()
    endforeach()
    string(REGEX REPLACE "${citation_re}" "" rest "${line}")
    if(rest MATCHES "${numberless_re}")
      string(APPEND bad "\n  ${name}:${line_number}: a citation of docs/format.md without a "
                        "section number")
    endif()
  endforeach()
endforeach()

if(bad)
  string(REPLACE ";" ", " heading_list "${headings}")
  message(FATAL_ERROR "format.sections: citations of sections that docs/format.md does not "
                      "have (its headings: ${heading_list}):${bad}")
endif()
if(citations_elsewhere EQUAL 0)
  message(FATAL_ERROR "format.sections: found no citation of a section outside docs/format.md "
                      "itself under ${ROOT}")
endif()
list(LENGTH headings heading_count)
message(STATUS "format.sections: ${citations} citations checked against ${heading_count} "
               "headings of docs/format.md")
