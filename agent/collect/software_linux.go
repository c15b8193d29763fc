//go:build linux

package collect

func init() {
	Register("softwares_dpkg", softwaresDpkg)
	Register("softwares_rpm", softwaresRPM)
	Register("softwares_snap", softwaresSnap)
	Register("softwares_flatpak", softwaresFlatpak)
}
