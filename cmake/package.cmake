# Debian packages by CPack (`cpack -G DEB` in a build configured with
# -DCMAKE_INSTALL_PREFIX=/usr; tools/package.sh does it and checks the result). Debian splits
# tools from libraries, and so do the two install components of cmake/install.cmake:
#   entente         the programs, man page, completion, examples, JSON Schemas, docs
#                   (component entente)
#   libentente-dev  headers, static libraries, CMake package, entente.pc (component dev)
set(CPACK_PACKAGE_NAME entente)
set(CPACK_PACKAGE_VENDOR "The Entente authors")
set(CPACK_PACKAGE_CONTACT "Entente maintainers <maintainers@users.noreply.r-seed-ac98c9fd.example>")
# Each package's Description below starts with its own synopsis. CPackDeb would put the
# package-wide summary before it unless that is CPack's default summary, so it is.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_COMPONENTS_ALL entente dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_ENTENTE_PACKAGE_NAME entente)
set(CPACK_DEBIAN_ENTENTE_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_ENTENTE_PACKAGE_SHLIBDEPS ON)
# The first line is the synopsis, the rest the extended description.
set(CPACK_DEBIAN_ENTENTE_DESCRIPTION
    "compare negotiation positions written in YAML
Entente reads each party's demands, offers and stances from YAML files into a
graph of positions, and reports the common ground, the bargaining space, the
sticking points (deadlocks first) and the packages of conditional stances, as
text, Markdown, HTML, JSON or Graphviz. It answers what-if questions, compares
two versions of a scenario, explains a position's status and finds the
cheapest concessions that would settle an issue.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libentente-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# What its headers include and its static libraries link; pkgconf for entente.pc and for
# entente-config.cmake, which finds libutf8proc and Z3 through pkg-config.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libfmt-dev, libexpected-dev, libyaml-cpp-dev, libutf8proc-dev, libz3-dev, pkgconf")
set(CPACK_DEBIAN_DEV_DESCRIPTION
    "compare negotiation positions written in YAML (development files)
The Entente engine as static libraries: load and validate position files,
build the graph of positions and stances, analyse it, apply what-if changes,
find concessions, and write reports. Headers, the CMake package
(find_package(entente CONFIG), targets entente::engine and entente::reports)
and entente.pc for pkg-config.")

include(CPack)
