# What `cmake --install` puts in place, in two components that the Debian packages split
# (cmake/package.cmake):
#   entente: the programs, the man page, bash and zsh completion, the examples, the JSON
#            Schemas of the JSON outputs, the docs;
#   dev:     the engine and the reports as static libraries, their headers, the CMake
#            package (entente-config.cmake, targets entente::engine and entente::reports)
#            and entente.pc.
include(CMakePackageConfigHelpers)

set(ENTENTE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/entente)
set(ENTENTE_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/entente)
set(ENTENTE_DEV_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/libentente-dev)
set(ENTENTE_PACKAGING ${PROJECT_SOURCE_DIR}/packaging)

# Debian wants man pages and each package's changelog compressed by `gzip -9n` (no time stamp
# or name inside, so the bytes depend on the text only); other installs get them so too.
set(ENTENTE_GZIPPED "")
foreach(source IN ITEMS man/entente.1 man/entente-generate.1 debian/changelog)
  get_filename_component(name ${source} NAME)
  set(gz ${PROJECT_BINARY_DIR}/packaging/${name}.gz)
  add_custom_command(
    OUTPUT ${gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
    COMMAND gzip -9 -n -c ${ENTENTE_PACKAGING}/${source} > ${gz}
    DEPENDS ${ENTENTE_PACKAGING}/${source}
    COMMENT "Compressing ${source}")
  list(APPEND ENTENTE_GZIPPED ${gz})
endforeach()
add_custom_target(entente_gzipped ALL DEPENDS ${ENTENTE_GZIPPED})

# ---- entente: programs and what users read
install(TARGETS entente entente-generate RUNTIME COMPONENT entente)
install(FILES ${PROJECT_BINARY_DIR}/packaging/entente.1.gz
              ${PROJECT_BINARY_DIR}/packaging/entente-generate.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT entente)
install(FILES ${ENTENTE_PACKAGING}/completions/entente.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME entente
        COMPONENT entente)
install(FILES ${ENTENTE_PACKAGING}/completions/_entente
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT entente)
# The shipped scenarios, never a parse cache that a run in the source tree left beside them.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/positions/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/entente/examples COMPONENT entente
        PATTERN .entente-cache EXCLUDE)
# The JSON Schemas (docs/schema/): of the JSON outputs, for validators (whatif and diff refer to
# report.schema.json and comparison.schema.json beside them), and of the position files, where
# the examples' first lines name it: two folders up from each, as docs/schema/ is from
# positions/<scenario>/ in the source tree (docs/schema.md).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/schema/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/entente/docs/schema COMPONENT entente
        FILES_MATCHING PATTERN "*.json")
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/format.md
              ${PROJECT_SOURCE_DIR}/docs/concede.md ${PROJECT_SOURCE_DIR}/docs/performance.md
              ${PROJECT_SOURCE_DIR}/docs/csv.md ${PROJECT_SOURCE_DIR}/docs/schema.md
        DESTINATION ${ENTENTE_DOC_DIR} COMPONENT entente)
# Debian wants a copyright file and a changelog in each package's doc folder.
foreach(pair IN ITEMS "entente;${ENTENTE_DOC_DIR}" "dev;${ENTENTE_DEV_DOC_DIR}")
  list(GET pair 0 component)
  list(GET pair 1 dir)
  install(FILES ${ENTENTE_PACKAGING}/debian/copyright ${PROJECT_BINARY_DIR}/packaging/changelog.gz
          DESTINATION ${dir} COMPONENT ${component})
endforeach()

# ---- dev: the engine as a library
install(TARGETS entente_support entente_engine entente_reports EXPORT entente-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/ ${PROJECT_SOURCE_DIR}/reports/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(EXPORT entente-targets NAMESPACE entente:: DESTINATION ${ENTENTE_CMAKE_DIR}
        COMPONENT dev)
configure_package_config_file(${ENTENTE_PACKAGING}/cmake/entente-config.cmake.in
                              ${PROJECT_BINARY_DIR}/packaging/entente-config.cmake
                              INSTALL_DESTINATION ${ENTENTE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/packaging/entente-config-version.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/packaging/entente-config.cmake
              ${PROJECT_BINARY_DIR}/packaging/entente-config-version.cmake
        DESTINATION ${ENTENTE_CMAKE_DIR} COMPONENT dev)
file(RELATIVE_PATH ENTENTE_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig
     ${CMAKE_INSTALL_PREFIX})
configure_file(${ENTENTE_PACKAGING}/entente.pc.in ${PROJECT_BINARY_DIR}/packaging/entente.pc
               @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/entente.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
