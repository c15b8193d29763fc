//go:build windows

package collect

import "time"

// wmiCacheTTL covers one inventory run, whose collectors ask some of the
// same questions, and no more: the next run must see fresh answers.
const wmiCacheTTL = 30 * time.Second

// platformSources gives a new Env the live registry and a WMI client. The
// WMI worker thread and its COM state are created on the first query, so
// an agent that only reads files never initialises COM.
func platformSources(e *Env) {
	e.Registry = liveRegistry{}
	e.WMI = newWMICache(newWMIClient(e.logger(), openWMISession), wmiCacheTTL)
}

// Close stops the WMI worker. A worker stuck in a WMI call is left behind
// (it cannot be interrupted); Close then returns an error saying so.
func (e *Env) Close() error {
	w := e.WMI
	if c, ok := w.(*wmiCache); ok {
		w = c.inner
	}
	if c, ok := w.(*wmiClient); ok {
		return c.Close()
	}
	return nil
}
