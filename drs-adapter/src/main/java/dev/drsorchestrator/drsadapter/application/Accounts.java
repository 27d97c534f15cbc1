package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.Quotas;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The accounts and regions the adapter watches (inventory, GET /drs/accounts) and their quotas. A launch may name a
 * scope that is not configured; it then runs with the service's own credentials and the default quotas.
 */
@ApplicationScoped
public class Accounts {

    private final DrsConfig config;

    Accounts(DrsConfig config) {
        this.config = config;
    }

    public List<Scope> scopes() {
        return config.accounts().stream()
                .map(a -> Scope.of(a.accountId(), a.region()))
                .distinct()
                .toList();
    }

    public Optional<DrsConfig.Account> account(Scope scope) {
        return config.accounts().stream()
                .filter(a -> a.accountId().equals(scope.accountId().value())
                        && a.region().equals(scope.region()))
                .findFirst();
    }

    public Quotas quotas(Scope scope) {
        DrsConfig.Quota d = config.quotas();
        Optional<DrsConfig.Account> a = account(scope);
        return new Quotas(
                a.flatMap(DrsConfig.Account::serversPerJob).orElse(d.serversPerJob()),
                a.flatMap(DrsConfig.Account::concurrentJobs).orElse(d.concurrentJobs()),
                a.flatMap(DrsConfig.Account::serversInActiveJobs).orElse(d.serversInActiveJobs()),
                d.maxServersPerRequest());
    }
}
