/*
** kiosk.c: Kiosk_Init, the package's only exported entry point.
**
** Registers the factory commands in ::kiosk. Everything else is in the
** files that implement each object type (tclcourse.c, ...).
*/
#include "tclkiosk.h"

#ifndef PACKAGE_VERSION
# define PACKAGE_VERSION "0.0"
#endif

#ifdef __GNUC__
__attribute__((visibility("default")))
#endif
int Kiosk_Init(Tcl_Interp *interp);

int Kiosk_Init(Tcl_Interp *interp){
  if( Tcl_InitStubs(interp, "8.6", 0)==0 ) return TCL_ERROR;
  /* Tcl_CreateObjCommand creates the ::kiosk namespace as needed. */
  Tcl_CreateObjCommand(interp, "::kiosk::course", kioskCourseFactoryObjCmd,
                       0, 0);
  Tcl_CreateObjCommand(interp, "::kiosk::records", kioskRecordsFactoryObjCmd,
                       0, 0);
  Tcl_CreateObjCommand(interp, "::kiosk::pack", kioskPackObjCmd, 0, 0);
  Tcl_CreateObjCommand(interp, "::kiosk::gradebook", kioskGradebookObjCmd, 0, 0);
  return Tcl_PkgProvide(interp, "kiosk", PACKAGE_VERSION);
}
