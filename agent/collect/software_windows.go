package collect

func init() {
	Register("softwares_windows", softwaresWindows)
	Register("updates_windows", updatesWindows)
}
