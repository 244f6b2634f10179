import ArgumentParser

@main
struct Huiqi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "huiqi",
        abstract: "惠企：城市金融综合服务平台静态站点生成器 (static site generator for city financial-services portals)",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, SchemaCommand.self, QRCommand.self])
}
