package collect

import (
	"context"
	"fmt"

	gnet "github.com/shirou/gopsutil/v4/net"

	"github.com/parcproject/parc/pkg/inventory"
)

// networksDarwin lists the interfaces and their addresses (getifaddrs,
// through gopsutil and the standard library), with their kind from
// NetworkInterfaces.plist.
func networksDarwin(ctx context.Context, env *Env, r *inventory.Report) error {
	ifs, err := gnet.InterfacesWithContext(ctx)
	if err != nil {
		return fmt.Errorf("list interfaces: %w", err)
	}
	list := make([]macIface, 0, len(ifs))
	for _, i := range ifs {
		m := macIface{Name: i.Name, MAC: i.HardwareAddr, MTU: i.MTU, Flags: i.Flags}
		for _, a := range i.Addrs {
			m.Addrs = append(m.Addrs, a.Addr)
		}
		list = append(list, m)
	}
	r.Content.Networks = macNetworks(list, macIfaceKinds(env))
	if len(r.Content.Networks) == 0 {
		return fmt.Errorf("no network interface: %w", ErrNoData)
	}
	return nil
}
