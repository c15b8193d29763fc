//go:build windows

package collect

// platformSources gives a new Env the live registry and a WMI client. The
// WMI worker thread and its COM state are created on the first query, so
// an agent that only reads files never initialises COM.
func platformSources(e *Env) {
	e.Registry = liveRegistry{}
	e.WMI = newWMIClient(e.logger(), openWMISession)
}

// Close stops the WMI worker. A worker stuck in a WMI call is left behind
// (it cannot be interrupted); Close then returns an error saying so.
func (e *Env) Close() error {
	if c, ok := e.WMI.(*wmiClient); ok {
		return c.Close()
	}
	return nil
}
