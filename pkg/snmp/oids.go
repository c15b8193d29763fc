package snmp

// OIDs read by more than one file. Names follow their MIBs.
const (
	oidSysDescr    = ".1.3.6.1.2.1.1.1.0"
	oidSysObjectID = ".1.3.6.1.2.1.1.2.0"
	oidSysUpTime   = ".1.3.6.1.2.1.1.3.0"
	oidSysContact  = ".1.3.6.1.2.1.1.4.0"
	oidSysName     = ".1.3.6.1.2.1.1.5.0"
	oidSysLocation = ".1.3.6.1.2.1.1.6.0"

	oidIfTable         = ".1.3.6.1.2.1.2.2.1"
	oidIfPhysAddress   = ".1.3.6.1.2.1.2.2.1.6"
	oidIfSpeed         = ".1.3.6.1.2.1.2.2.1.5"
	oidIPAdEntAddr     = ".1.3.6.1.2.1.4.20.1.1"
	oidIPAdEntIfIndex  = ".1.3.6.1.2.1.4.20.1.2"
	oidIPForwarding    = ".1.3.6.1.2.1.4.1.0"
	oidIfXTable        = ".1.3.6.1.2.1.31.1.1.1"
	oidDot3StatsDuplex = ".1.3.6.1.2.1.10.7.2.1.19"

	oidHrMemorySize    = ".1.3.6.1.2.1.25.2.2.0"
	oidHrStorageUnits1 = ".1.3.6.1.2.1.25.2.3.1.4.1"
	oidHrStorageSize1  = ".1.3.6.1.2.1.25.2.3.1.5.1"
	oidHrDeviceType1   = ".1.3.6.1.2.1.25.3.2.1.2.1"
	oidHrDeviceDescr1  = ".1.3.6.1.2.1.25.3.2.1.3.1"
	oidHrDevicePrinter = ".1.3.6.1.2.1.25.3.1.5"
	oidUcdMemTotalReal = ".1.3.6.1.4.1.2021.4.5.0"
	oidCiscoMemSize    = ".1.3.6.1.4.1.9.3.6.6.0"
	oidCiscoCPU5min    = ".1.3.6.1.4.1.9.9.109.1.1.1.1.6.1"
	oidCiscoCPU5minOld = ".1.3.6.1.4.1.9.9.109.1.1.1.1.3.1"

	oidPrtGeneralPrinterName  = ".1.3.6.1.2.1.43.5.1.1.16.1"
	oidPrtGeneralSerialNumber = ".1.3.6.1.2.1.43.5.1.1.17"
	oidPrtMarkerSuppliesDesc1 = ".1.3.6.1.2.1.43.11.1.1.6.1.1"
	oidPrtInputVendorName11   = ".1.3.6.1.2.1.43.8.2.1.14.1.1"
	oidPrtMarkerLifeCount11   = ".1.3.6.1.2.1.43.10.2.1.4.1.1"
	oidPpmPrinterName1        = ".1.3.6.1.4.1.2699.1.2.1.2.1.1.2.1"

	oidDot1dBaseBridgeAddress = ".1.3.6.1.2.1.17.1.1.0"
	oidDot1dBaseNumPorts      = ".1.3.6.1.2.1.17.1.2.0"
	oidDot1dBasePortIfIndex   = ".1.3.6.1.2.1.17.1.4.1.2"

	oidUpsIdentManufacturer = ".1.3.6.1.2.1.33.1.1.1.0"
	oidUpsIdentModel        = ".1.3.6.1.2.1.33.1.1.2.0"
	oidDot11StationID1      = ".1.2.840.10036.1.1.1.1"

	oidEntPhysical         = ".1.3.6.1.2.1.47.1.1.1.1"
	oidEntPhysicalFirmware = ".1.3.6.1.2.1.47.1.1.1.1.9"
	oidEntPhysicalSoftware = ".1.3.6.1.2.1.47.1.1.1.1.10"
	oidEntPhysicalSerial   = ".1.3.6.1.2.1.47.1.1.1.1.11"
	oidEntPhysicalModel    = ".1.3.6.1.2.1.47.1.1.1.1.13"
)
