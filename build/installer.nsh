; Included by the NSIS installer (electron-builder.json, nsis.include).
; Always install for the current user only: no "for all users" page, no administrator rights asked.
; The data folder lives in the user's profile, outside the installation folder, and the uninstaller
; leaves it in place (nsis.deleteAppDataOnUninstall is false).
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend
