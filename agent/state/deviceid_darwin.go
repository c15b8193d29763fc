package state

import "time"

func installTime() (time.Time, bool) {
	return fileMTime("/var/db/.AppleSetupDone")
}
