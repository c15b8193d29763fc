package collect

// The Windows collectors register under the section names the Linux ones
// use; only one OS's files are compiled in.
func init() {
	for _, c := range windowsCollectors {
		Register(c.name, c.fn)
	}
}
