# bash completion for entente(1)                           -*- shell-script -*-
# Installed as /usr/share/bash-completion/completions/entente.
# tests/install/help_coverage.py fails when a command, an option or a --format value of
# `entente --help` is missing here.

# shellcheck disable=SC2207 # COMPREPLY=($(compgen ...)): the words offered hold no spaces
_entente()
{
    local cur prev words cword split
    _init_completion -s -n : || return

    # The command is the first word that is not an option: entente's own options
    # (--version, -h, --help) take no argument.
    local i cmd="" cmd_at=0
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} != -* ]]; then
            cmd=${words[i]}
            cmd_at=$i
            break
        fi
    done
    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--version -h --help' -- "$cur"))
        else
            COMPREPLY=($(compgen -W 'report check whatif diff concede deals explain blocs coalitions export import schema' \
                -- "$cur"))
        fi
        return
    fi

    # Per command: its options, the values of its --format, and what each positional
    # argument is (scenario: a folder or a YAML file; format: csv; folder: a folder; other:
    # not completed).
    local opts formats positionals
    case $cmd in
        report)
            opts='--format --table -o --output --watch'
            formats='text json html md dot csv'
            positionals='scenario'
            ;;
        check)
            opts='--format --strict'
            formats='text json github'
            positionals='scenario'
            ;;
        whatif)
            opts='--set --drop --priority --accept --format -o --output'
            formats='text json html md'
            positionals='scenario'
            ;;
        diff)
            opts='--format -o --output --exit-code'
            formats='text json html md'
            positionals='scenario scenario'
            ;;
        concede)
            opts='--target --by --allow-red-lines --binding --top --within --format -o --output'
            formats='text json'
            positionals='scenario'
            ;;
        deals)
            opts='--by --binding --allow-red-lines --top --score --time-limit --format -o --output'
            formats='text json md html'
            positionals='scenario'
            ;;
        explain)
            opts='--format -o --output'
            formats='text json'
            positionals='scenario other'
            ;;
        blocs)
            opts='--threshold --format -o --output'
            formats='text json md html'
            positionals='scenario'
            ;;
        coalitions)
            opts='--size --quota --with --without --top --format -o --output'
            formats='text json md html'
            positionals='scenario'
            ;;
        export)
            opts='-o --output --force'
            positionals='format scenario'
            ;;
        import)
            opts='-o --output'
            positionals='format folder'
            ;;
        schema)
            opts='-o --output'
            positionals='scenario'
            ;;
        *)
            return
            ;;
    esac
    # The options of every command that reads a scenario; import reads CSV sheets only, and
    # export and schema write the scenario itself, which no focus (--parties) changes.
    case $cmd in
        export | import | schema) ;;
        *) opts+=' --parties' ;;
    esac
    if [[ $cmd == import ]]; then
        opts+=' --max-file-size --stats -h --help'
    else
        opts+=' --max-file-size -j --jobs --no-cache --stats -h --help'
    fi

    case $prev in
        --format)
            COMPREPLY=($(compgen -W "$formats" -- "$cur"))
            return
            ;;
        --table)
            COMPREPLY=($(compgen -W 'positions matrix' -- "$cur"))
            return
            ;;
        -o | --output)
            if [[ $cmd == export ]]; then
                _filedir -d
            else
                _filedir
            fi
            return
            ;;
        --set)
            # PARTY:PARTY2/POS=STANCE: the stance after the '='.
            if [[ $cur == *=* ]]; then
                COMPREPLY=($(compgen -W 'agree reject consider silent' -- "${cur##*=}"))
                if [[ $COMP_WORDBREAKS != *=* ]]; then
                    COMPREPLY=("${COMPREPLY[@]/#/${cur%=*}=}")
                    __ltrim_colon_completions "$cur"
                fi
            fi
            return
            ;;
        --drop | --priority | --accept | --target | --by | --top | --within | --threshold | --max-file-size | -j | --jobs | \
            --parties | --size | --quota | --with | --without)
            # Names from the scenario, or numbers: nothing to offer.
            return
            ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    # Which positional argument is this? Skip the options and the values they take.
    local -a kinds
    read -ra kinds <<<"$positionals"
    local n=0
    for ((i = cmd_at + 1; i < cword; i++)); do
        case ${words[i]} in
            --format | --table | -o | --output | --set | --drop | --priority | --accept | \
                --target | --by | --top | --within | --threshold | --max-file-size | -j | --jobs | --parties | \
                --size | --quota | --with | --without)
                ((i++))
                ;;
            -*) ;;
            *) ((n++)) ;;
        esac
    done
    if ((n < ${#kinds[@]})); then
        case ${kinds[n]} in
            scenario) _filedir '@(yaml|yml)' ;;
            format) COMPREPLY=($(compgen -W 'csv' -- "$cur")) ;;
            folder) _filedir -d ;;
        esac
    else
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    fi
} &&
    complete -F _entente entente

# ex: filetype=sh
