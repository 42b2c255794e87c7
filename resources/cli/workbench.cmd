@echo off
rem The Community Safety Workbench CLI: the app's executable in command-line mode.
"%~dp0Community Safety Workbench.exe" --cli %*
exit /b %ERRORLEVEL%
