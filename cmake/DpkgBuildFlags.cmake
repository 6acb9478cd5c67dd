# Debian's hardening flags (dpkg-buildflags, with hardening=+all for BIND_NOW) for every build that is
# not Debug: stack protector, _FORTIFY_SOURCE=2, format security, RELRO and BIND_NOW, as Debian's
# own packages are built. The programs parse network input; the packages are built this way and the
# package test checks it with hardening-check. Debug builds (the sanitizer presets) stay without:
# _FORTIFY_SOURCE needs optimisation.
find_program(DPKG_BUILDFLAGS_EXECUTABLE dpkg-buildflags)
option(PORTHOLE_DPKG_BUILDFLAGS "Compile and link release builds with Debian's dpkg-buildflags" ON)
if(PORTHOLE_DPKG_BUILDFLAGS AND NOT DPKG_BUILDFLAGS_EXECUTABLE)
  message(WARNING "dpkg-buildflags not found (package dpkg-dev): building without Debian's hardening flags")
endif()
add_feature_info(DpkgBuildFlags "PORTHOLE_DPKG_BUILDFLAGS AND DPKG_BUILDFLAGS_EXECUTABLE"
                 "Debian's hardening flags (dpkg-buildflags) in release builds")
if(PORTHOLE_DPKG_BUILDFLAGS AND DPKG_BUILDFLAGS_EXECUTABLE)
  foreach(kind CPPFLAGS CFLAGS CXXFLAGS LDFLAGS)
    # From the source directory: -ffile-prefix-map maps it to "." (reproducible builds).
    execute_process(
      COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all ${DPKG_BUILDFLAGS_EXECUTABLE} --get ${kind}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
    separate_arguments(flags UNIX_COMMAND "${flags}")
    set(PORTHOLE_DPKG_${kind} ${flags})
  endforeach()
  set(release "$<NOT:$<CONFIG:Debug>>")
  add_compile_options("$<${release}:${PORTHOLE_DPKG_CPPFLAGS}>"
                      "$<$<AND:${release},$<COMPILE_LANGUAGE:C>>:${PORTHOLE_DPKG_CFLAGS}>"
                      "$<$<AND:${release},$<COMPILE_LANGUAGE:CXX>>:${PORTHOLE_DPKG_CXXFLAGS}>")
  add_link_options("$<${release}:${PORTHOLE_DPKG_LDFLAGS}>")
endif()
