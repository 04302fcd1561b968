# `cmake --build build --target package` writes build/spikestudio_<version>_amd64.deb
# (CPack's DEB generator) from what the install rules put in place.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME spikestudio)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Spike Studio developers")
set(CPACK_PACKAGE_CONTACT "Spike Studio developers <dev@spikestudio.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # the debug information stays in the build tree
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # spikestudio_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${SPIKESTUDIO_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends: the shared libraries the binary loads, found by dpkg-shlibdeps,
# after python3 for the Python package it ships (the Brian2 importer).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "python3")
# Byte-compiling the Python package after installation and cleaning it before
# removal, as Debian's Python policy asks (py3compile, py3clean).
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${CMAKE_CURRENT_LIST_DIR}/debian/postinst;${CMAKE_CURRENT_LIST_DIR}/debian/prerm")
# The native tier compiles kernels with the system C compiler (and links libm,
# whose linker script is in libc6-dev); without one everything runs on libtcc.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gcc | c-compiler, libc6-dev")
# Brian2, for `spikestudio import` of Brian2 scripts (and the Spike Studio
# device for Brian2, to come).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-brian")

# The synopsis, then the extended description.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "draw, run and compare spiking neural networks in Brian2's language")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Spike Studio is a desktop application for spiking neural networks written
in the equation language of the Brian2 simulator. Neuron groups and synapses
are drawn on a canvas; their equations are checked for physical units as
they are typed. A run shows the spike raster, the population rate and
voltage traces live, and its results match Brian2's.
.
Equations are compiled to machine code in memory, so a network starts
simulating within a fraction of a second; with a C compiler installed the
code is compiled again, faster, in the background. Constants and equations
can be changed during a run. Every run is kept in the project file, two runs
can be overlaid, and results are exported as CSV and figures as PNG, SVG or
PDF.
.
The spikestudio command runs, checks, stores and exports models without a
window. Examples include the CUBA and COBAHH benchmark networks, Brunel's
balanced network and spike-timing-dependent plasticity.")

include(CPack)
