# Where Spike Studio's Python parts go: the Brian2 importer and the Brian2 device
# (app/CMakeLists.txt installs python/brian2spikestudio; the device finds the
# program at ../../../bin from there). Debian's python3 finds packages installed under
# /usr/lib/python3/dist-packages, the default below for the /usr prefix the
# .deb uses. A build installed to another prefix (/usr/local) needs a
# versioned directory Python searches there, e.g.
# -DSPIKESTUDIO_PYTHON_INSTALL_DIR=lib/python3.11/dist-packages.
set(SPIKESTUDIO_PYTHON_INSTALL_DIR "lib/python3/dist-packages" CACHE STRING
  "Install directory of Spike Studio's Python packages, relative to the prefix")

# spikestudio_install_python_package(<source directory of one Python package>)
# installs the package's .py files as <dist-packages>/<directory name>/.
# Python files in a .deb also need byte-compiling after installation and
# cleaning before removal: packaging/debian/postinst and prerm run
# py3compile/py3clean (docs/packaging.md).
function(spikestudio_install_python_package directory)
  if(NOT IS_DIRECTORY ${directory})
    message(FATAL_ERROR "spikestudio_install_python_package: no directory ${directory}")
  endif()
  install(DIRECTORY ${directory} DESTINATION ${SPIKESTUDIO_PYTHON_INSTALL_DIR}
    FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
endfunction()
