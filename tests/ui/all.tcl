# all.tcl: run every *.test file in this folder with tcltest.
# Exits non-zero when any test fails, so `make check` fails with it.
package require tcltest 2.5
tcltest::configure -testdir [file dirname [file normalize [info script]]] \
    -tmpdir [file join [pwd] tests-tmp] -singleproc 1 {*}$argv
file mkdir [tcltest::configure -tmpdir]
# With Tk loaded, tcltest's final cleanupTests calls a bare `exit` (status
# 0, failures or not) unless the "interactive" constraint is on; on, it
# returns, and runAllTests says whether anything failed. No test here uses
# that constraint.
tcltest::testConstraint interactive 1
exit [tcltest::runAllTests]
