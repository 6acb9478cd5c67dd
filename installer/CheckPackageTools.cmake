# Runs in `cpack` before the packages are made (CPACK_PRE_BUILD_SCRIPTS): what is missing makes a
# package that installs and then cannot start, or lintian errors, so it stops here with the fix.
# On PATH (CPack's own search adds /usr/bin: with the programs absent both agree, and the
# package test can take dpkg-shlibdeps away by PATH alone).
find_program(PORTHOLE_DPKG_SHLIBDEPS dpkg-shlibdeps NO_CMAKE_SYSTEM_PATH)
find_program(PORTHOLE_FILE file NO_CMAKE_SYSTEM_PATH)
if(NOT PORTHOLE_DPKG_SHLIBDEPS OR NOT PORTHOLE_FILE)
  message(FATAL_ERROR "Packaging needs dpkg-shlibdeps (package dpkg-dev) and file for the packages' Depends: "
                      "apt-get install dpkg-dev file (installer/debian-deps.sh --build installs them)")
endif()
file(STRINGS ${CPACK_PORTHOLE_CHANGELOG} top LIMIT_COUNT 1)
if(NOT top MATCHES "^porthole \\(${CPACK_PORTHOLE_DEBIAN_VERSION}\\) ")
  message(FATAL_ERROR "installer/debian/changelog starts with '${top}', not with version ${CPACK_PORTHOLE_DEBIAN_VERSION}: "
                      "add an entry for it")
endif()
foreach(page porthole porthole-cli porthole-proxy)
  file(GLOB_RECURSE found ${CPACK_TEMPORARY_DIRECTORY}/${page}.1.gz)
  if(NOT found)
    message(FATAL_ERROR "No man page ${page}.1.gz in the packages: install help2man and build again")
  endif()
endforeach()
