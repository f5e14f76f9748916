import { Command, Help, type Argument, type Option } from 'commander';

/**
 * The command line in Vietnamese. Commander's help titles, option notes and usage words go through the Help
 * hooks it offers (configureHelp); its error messages are built in English inside commander, so each is
 * rebuilt here from the error's code, the command that raised it and the words it quotes.
 */

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Đối số:', 'Global Options:': 'Tùy chọn chung:',
};

const usageWords = (s: string): string => s.replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]');

/** What a help entry adds after its description: the choices and the default, in Vietnamese. */
function extras(choices: readonly string[] | undefined, def: unknown, showDefault: boolean): string {
  const info: string[] = [];
  if (choices) info.push(`chọn: ${choices.join(' | ')}`);
  if (def !== undefined && showDefault) info.push(`mặc định: ${String(def)}`);
  return info.length ? ` (${info.join('; ')})` : '';
}

/** Help in Vietnamese, for the program and (inherited by) every command. */
export const HELP: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage: (cmd: Command) => usageWords(Help.prototype.commandUsage.call(new Help(), cmd)),
  subcommandTerm: (cmd: Command) => usageWords(Help.prototype.subcommandTerm.call(new Help(), cmd)),
  optionDescription: (o: Option) => `${o.description}${extras(o.argChoices, o.defaultValue, o.required || o.optional)}`,
  argumentDescription: (a: Argument) => `${a.description}${extras(a.argChoices, a.defaultValue, true)}`,
};

/** The "Ví dụ:" block that ends a command's --help: each example with what it does. */
export function examples(lines: readonly [string, string][]): string {
  const w = Math.max(...lines.map(([c]) => c.length));
  return `\nVí dụ:\n${lines.map(([c, what]) => `  ${c.padEnd(w)}  # ${what}`).join('\n')}\n`;
}

/** A short flag a user may bring from another command, and the option it most likely meant here. */
const SHORT_MEANT: Record<string, Record<string, string>> = {
  validate: { '-f': '--format' },
  check: { '-f': '--format' },
};

/** The words commander quotes in its message; an option's flags without their value ("-o, --output"). */
const quotedIn = (message: string): string[] => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!.replace(/ [<[].*$/, ''));

/** Commander's error, said in Vietnamese. `cmd` raised it; `code` is commander's code for it. */
export function usageMessage(cmd: Command, message: string, code: string | undefined): string {
  const name = cmd.parent ? `cchc ${cmd.name()}` : 'cchc';
  const hint = `(xem: ${name} --help)`;
  const [first] = quotedIn(message);
  switch (code) {
    case 'commander.unknownCommand': {
      // A file given without a command ("cchc thu.yaml"): the command it most likely wanted.
      const forFile = /\.ya?ml$/i.test(first ?? '') ? `cchc render ${first}` : /\.docx$/i.test(first ?? '') ? `cchc check ${first}` : undefined;
      const meant = forFile ?? /Did you mean (\S+?)\?/.exec(message)?.[1];
      const list = cmd.commands.map((c) => c.name()).join(', ');
      return `cchc: không có lệnh "${first}"${meant ? ` — có phải ý bạn là ${meant}?` : ''} Các lệnh: ${list} ${hint}`;
    }
    case 'commander.unknownOption': {
      const meant = /Did you mean (\S+?)\?/.exec(message)?.[1] ?? SHORT_MEANT[cmd.name()]?.[first ?? ''];
      return `${name}: không có tùy chọn "${first}"${meant ? ` — có phải ý bạn là ${meant}?` : ''} ${hint}`;
    }
    case 'commander.missingArgument': {
      const arg = cmd.registeredArguments.find((a) => a.name() === first);
      const example = firstExample(cmd);
      return `${name}: thiếu ${arg?.description || first}${example ? `, ví dụ: ${example}` : ''} ${hint}`;
    }
    case 'commander.optionMissingArgument':
      return `${name}: tùy chọn ${first} cần một giá trị đi sau nó ${hint}`;
    case 'commander.invalidArgument': {
      const value = quotedIn(message)[1] ?? '';
      const choices = /Allowed choices are (.*)\.$/.exec(message)?.[1];
      return `${name}: ${first} không nhận giá trị "${value}"${choices ? `; chọn một trong: ${choices.split(', ').join(', ')}` : ''} ${hint}`;
    }
    case 'commander.excessArguments': {
      const max = cmd.registeredArguments.length;
      const extra = cmd.args.slice(max).map((a) => `"${a}"`).join(', ');
      return `${name}: thừa ${extra}; lệnh này ${max === 0 ? 'không nhận tệp hay đối số nào' : `chỉ nhận ${max === 1 ? 'một' : max} ${cmd.registeredArguments[0]?.name() ?? 'đối số'}`} ${hint}`;
    }
    case 'commander.conflictingOption':
      return `${name}: không dùng cùng lúc ${quotedIn(message).join(' và ')} ${hint}`;
    case 'commander.missingMandatoryOptionValue':
      return `${name}: cần tùy chọn ${first} ${hint}`;
    default:
      return `${name}: cách dùng lệnh chưa đúng ${hint}`;
  }
}

/** The first example of a command's help, for a message about a missing argument. */
function firstExample(cmd: Command): string | undefined {
  return (cmd as CchcCommand).firstExample;
}

/**
 * A commander Command whose errors are said in Vietnamese, and whose subcommands are the same. error() is
 * commander's one exit for every usage error (documented, meant to be overridden or called).
 */
export class CchcCommand extends Command {
  firstExample?: string;

  override createCommand(name?: string): CchcCommand {
    return new CchcCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(usageMessage(this, message, errorOptions?.code), errorOptions);
  }

  /** Adds the "Ví dụ:" block at the end of --help; the first example also goes into "missing argument" errors. */
  examples(lines: readonly [string, string][]): this {
    this.firstExample = lines[0]?.[0];
    return this.addHelpText('after', examples(lines));
  }
}
