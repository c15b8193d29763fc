package web

// netAssetRoutes are the routes of the network devices' pages: printer
// counters and supplies, switch ports, importing an unmanaged device.
func (s *Server) netAssetRoutes() []route {
	return nil
}
