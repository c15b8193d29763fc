package main

import (
	"fmt"

	"github.com/parcproject/parc/pkg/snmp"
	"os"
	"path"
	"text/tabwriter"
	"time"
)

// target prints one of the targets with its verdict.
func target(what string, ok bool, got string) {
	v := "MISSED"
	if ok {
		v = "met"
	}
	fmt.Printf("  target %-44s %-6s (%s)\n", what+":", v, got)
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func printSweep(l *lab, p, f sweepResult, ferr error, c config) {
	fmt.Printf("== sweep of %s.0/24 (254 addresses, %d answer SNMP), timeout %v\n", l.SweepNet, len(l.Sweep), c.timeout)
	w := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintf(w, "  tool\twall\tSNMP devices\thosts reported\tsettings\n")
	fmt.Fprintf(w, "  parc\t%s\t%d\t%d\t%d workers, 1 community, TCP+ARP presence probes\n",
		secs(p.Wall), len(p.Facts), p.Found, snmp.DefaultWorkers)
	if !c.skipFusion {
		note := fmt.Sprintf("--threads %d --timeout %d (also ping, NetBIOS, arp per address)", c.fusionSweep, int(c.timeout.Seconds()))
		if ferr != nil {
			note += "; " + ferr.Error()
		}
		fmt.Fprintf(w, "  fusioninventory-netdiscovery\t%s\t%d\t%d\t%s\n", secs(f.Wall), len(f.Facts), f.Found, note)
	}
	w.Flush()
	fmt.Println("  facts per SNMP device (parc / fusioninventory):")
	more := 0
	for _, d := range l.Sweep {
		pf, ok := p.Facts[d.IP]
		ff, fok := f.Facts[d.IP]
		if ok && (c.skipFusion || pf >= ff) {
			more++
		}
		fmt.Printf("    %-14s %-40s %4s / %-4s %s\n", d.IP, path.Base(d.Walk), count(pf, ok), count(ff, fok), p.Names[d.IP])
	}
	target("parc sweep under 3 s", p.Wall < 3*time.Second && len(p.Facts) == len(l.Sweep), secs(p.Wall))
	if !c.skipFusion {
		ratio := f.Wall.Seconds() / p.Wall.Seconds()
		target("parc at least 10x faster", ratio >= 10 && ferr == nil, fmt.Sprintf("%.1fx", ratio))
		target("same or more facts per device", more == len(l.Sweep), fmt.Sprintf("%d of %d devices", more, len(l.Sweep)))
	}
	fmt.Println()
}

func printInventory(l *lab, p, f invResult, ferr error, c config) {
	fmt.Printf("== inventory of %d devices (%d walks, each on %d addresses of %s.0/24)\n",
		len(l.Inventory), len(walks), (len(l.Inventory)+len(walks)-1)/len(walks), c.invNet)
	w := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintf(w, "  tool\twall\tdevices read\tfailed\tsettings\n")
	bulk := "GETBULK max-repetitions default"
	if *reps > 0 {
		bulk = fmt.Sprintf("GETBULK max-repetitions %d", *reps)
	}
	fmt.Fprintf(w, "  parc\t%s\t%d\t%d\t%d at once, timeout %v, 1 retry, %s, Cisco VLAN contexts\n",
		secs(p.Wall), len(p.Facts), len(p.Errors), c.parcWorkers, c.timeout, bulk)
	if !c.skipFusion {
		note := fmt.Sprintf("--threads %d --timeout %d", c.fusionInv, int(c.timeout.Seconds()))
		if ferr != nil {
			note += "; " + ferr.Error()
		}
		fmt.Fprintf(w, "  fusioninventory-netinventory\t%s\t%d\t%d\t%s\n", secs(f.Wall), len(f.Facts), len(f.Errors), note)
	}
	w.Flush()
	nd := float64(max(len(l.Inventory), 1))
	fmt.Printf("    parc's slowest device: %s; %d SNMP requests (%.0f per device, retries included), %d variables back (%.0f per device)\n",
		p.Slowest, p.Requests, float64(p.Requests)/nd, p.Variables, float64(p.Variables)/nd)
	fmt.Printf("    CPU during parc's run: snmpsimd %s, parc %s\n", secs(p.CPU.Sim), secs(p.CPU.Tool))
	if !c.skipFusion {
		fmt.Printf("    CPU during fusioninventory's run: snmpsimd %s, fusioninventory-netinventory %s\n",
			secs(f.CPU.Sim), secs(f.CPU.Tool))
	}
	for ip, e := range p.Errors {
		fmt.Printf("    parc failed on %s: %s\n", ip, e)
	}
	fmt.Println("  facts per device, first address of each walk (parc / fusioninventory; * = fewer):")
	more := 0
	for i, d := range l.Inventory {
		pf, ok := p.Facts[d.IP]
		ff, fok := f.Facts[d.IP]
		mark := ""
		if ok && (c.skipFusion || pf >= ff) {
			more++
		} else {
			mark = "*"
		}
		if i < len(walks) {
			fmt.Printf("    %-14s %-40s %5s / %-5s%1s %s\n", d.IP, path.Base(d.Walk), count(pf, ok), count(ff, fok), mark, p.Names[d.IP])
		}
	}
	target("parc reads every device", len(p.Facts) == len(l.Inventory), fmt.Sprintf("%d of %d", len(p.Facts), len(l.Inventory)))
	if !c.skipFusion {
		ratio := f.Wall.Seconds() / p.Wall.Seconds()
		target("parc at least 10x faster", ratio >= 10 && ferr == nil, fmt.Sprintf("%.1fx", ratio))
		target("same or more facts per device", more == len(l.Inventory), fmt.Sprintf("%d of %d devices", more, len(l.Inventory)))
	}
	fmt.Println()
}

func count(n int, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprint(n)
}
