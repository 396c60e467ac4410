/// The sample list shipped so that screening works on a fresh machine: entries written as
/// OFAC writes sdn.csv, every one of them invented (programme "SAMPLE"), none a real party.
/// `serve --sanctions-list` loads a real sdn.csv in its place.
public enum SanctionsSample {
    public static let sdnCSV = """
        9000001,"GREYLINE BULK TRADING LTD",-0- ,"[SAMPLE]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Fictitious entry for tests and the demo."
        9000002,"NORTHERN LANTERN IMPORT EXPORT S.A.",-0- ,"[SAMPLE]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Fictitious entry for tests and the demo."
        9000003,"KOVAC, Darko Ivan","individual","[SAMPLE]","Director",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Fictitious entry for tests and the demo."
        9000004,"HALVORSEN, Petra","individual","[SAMPLE]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Fictitious entry for tests and the demo."
        9000005,"SEA WREN","vessel","[SAMPLE]",-0- ,"XX1234","Cargo",-0- ,-0- ,-0- ,-0- ,"Fictitious entry for tests and the demo."
        9000006,"MOONGATE LOGISTICS GMBH",-0- ,"[SAMPLE]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Fictitious entry for tests and the demo."
        """
}
