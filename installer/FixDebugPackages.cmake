# Runs in `cpack` after the packages are made (CPACK_POST_BUILD_SCRIPTS). CMake 3.25's -dbgsym
# packages list their files in md5sums by the absolute path of CPack's staging directory, ship the
# .debug files executable and have no /usr/share/doc (lintian: md5sums-lists-nonexistent-file,
# no-copyright-file, no-changelog). Each .ddeb is rebuilt as dh_strip makes one: md5sums of its
# files, .debug files 0644, usr/share/doc/<pkg>-dbgsym a link to the package it debugs.
find_program(PORTHOLE_DPKG_DEB dpkg-deb REQUIRED)
set(ddebs ${CPACK_PACKAGE_FILES})
list(FILTER ddebs INCLUDE REGEX "\\.ddeb$")
if(NOT ddebs)
  file(GLOB ddebs ${CPACK_PACKAGE_DIRECTORY}/*.ddeb)
endif()
foreach(ddeb IN LISTS ddebs)
  set(tree ${CPACK_PACKAGE_DIRECTORY}/_dbgsym_tree)
  file(REMOVE_RECURSE ${tree})
  execute_process(COMMAND ${PORTHOLE_DPKG_DEB} -R ${ddeb} ${tree} COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND ${PORTHOLE_DPKG_DEB} -f ${ddeb} Package OUTPUT_VARIABLE name
                  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  string(REGEX REPLACE "-dbgsym$" "" base ${name})
  file(GLOB_RECURSE debug_files RELATIVE ${tree} ${tree}/usr/*)
  list(SORT debug_files)
  set(md5sums "")
  foreach(file IN LISTS debug_files)
    file(CHMOD ${tree}/${file} PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    file(MD5 ${tree}/${file} sum)
    string(APPEND md5sums "${sum}  ${file}\n")
  endforeach()
  file(WRITE ${tree}/DEBIAN/md5sums "${md5sums}")
  file(MAKE_DIRECTORY ${tree}/usr/share/doc)
  file(CREATE_LINK ${base} ${tree}/usr/share/doc/${name} SYMBOLIC)
  execute_process(COMMAND ${PORTHOLE_DPKG_DEB} --root-owner-group -Zgzip -z1 -b ${tree} ${ddeb}
                  OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  file(REMOVE_RECURSE ${tree})
endforeach()
