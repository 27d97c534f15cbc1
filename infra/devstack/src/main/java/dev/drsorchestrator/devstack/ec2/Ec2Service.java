package dev.drsorchestrator.devstack.ec2;

import static dev.drsorchestrator.devstack.ec2.Ec2Model.error;

import dev.drsorchestrator.devstack.ec2.Ec2Model.Instance;
import dev.drsorchestrator.devstack.ec2.Ec2Model.RegionState;
import dev.drsorchestrator.devstack.ec2.LaunchTemplates.Template;
import dev.drsorchestrator.devstack.ec2.LaunchTemplates.Version;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Protocol;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * EC2's query protocol over {@link Ec2}: a form-encoded POST with {@code Action} and {@code Version=2016-11-15},
 * answered in XML (see {@link Ec2Xml}); errors are {@code <Response><Errors><Error>} with HTTP 400, which the SDK
 * raises as {@code Ec2Exception} with the error code. The account comes from the caller's credentials (an assumed
 * role's keys belong to that role's account), the Region from the SigV4 scope.
 */
public final class Ec2Service implements AwsService {
    private final Ec2 ec2;
    private final Function<AwsRequest, String> accountOf;
    private final String defaultRegion;

    public Ec2Service(Ec2 ec2, Function<AwsRequest, String> accountOf, String defaultRegion) {
        this.ec2 = ec2;
        this.accountOf = accountOf;
        this.defaultRegion = defaultRegion;
    }

    @Override
    public String signingName() {
        return "ec2";
    }

    @Override
    public Protocol protocol() {
        return Protocol.EC2;
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        Map<String, String> form = request.form();
        String action = form.get("Action");
        if (action == null) {
            throw error("MissingAction", "The request must contain the parameter Action.");
        }
        Params p = new Params(form);
        String region = request.region() == null ? defaultRegion : request.region();
        Ec2Xml body = ec2.apply(accountOf.apply(request), region, r -> dispatch(action, r, p));
        return Ec2Xml.response(action, body, UUID.randomUUID().toString());
    }

    private Ec2Xml dispatch(String action, RegionState r, Params p) {
        return switch (action) {
            case "DescribeVpcs" -> Ec2Network.describeVpcs(r, p);
            case "DescribeSubnets" -> Ec2Network.describeSubnets(r, p);
            case "DescribeSecurityGroups" -> Ec2Network.describeSecurityGroups(r, p);
            case "CreateVpc" -> Ec2Network.createVpc(r, p);
            case "CreateSubnet" -> Ec2Network.createSubnet(r, p);
            case "CreateSecurityGroup" -> Ec2Network.createSecurityGroup(r, p);
            case "CreateTags" -> Ec2Network.createTags(r, p);
            case "DescribeInstanceTypeOfferings" -> Ec2Network.describeInstanceTypeOfferings(r, p);
            case "CreateLaunchTemplate" -> {
                Template t = LaunchTemplates.create(r, p, ec2.now());
                Ec2Xml x = new Ec2Xml();
                t.xml(x, "launchTemplate");
                yield x;
            }
            case "CreateLaunchTemplateVersion" -> {
                Template t = LaunchTemplates.named(r, p);
                Version v = LaunchTemplates.createVersion(t, p, ec2.now());
                Ec2Xml x = new Ec2Xml();
                t.xml(x, "launchTemplateVersion", v);
                yield x;
            }
            case "ModifyLaunchTemplate" -> {
                Template t = LaunchTemplates.modify(LaunchTemplates.named(r, p), p);
                Ec2Xml x = new Ec2Xml();
                t.xml(x, "launchTemplate");
                yield x;
            }
            case "DescribeLaunchTemplates" -> {
                Ec2Xml x = new Ec2Xml().open("launchTemplates");
                LaunchTemplates.describe(r, p).forEach(t -> t.xml(x, "item"));
                yield x.close("launchTemplates");
            }
            case "DescribeLaunchTemplateVersions" -> {
                Template t = LaunchTemplates.named(r, p);
                Ec2Xml x = new Ec2Xml().open("launchTemplateVersionSet");
                LaunchTemplates.describeVersions(t, p).forEach(v -> t.xml(x, "item", v));
                yield x.close("launchTemplateVersionSet");
            }
            case "DescribeInstances" -> {
                Ec2Xml x = new Ec2Xml().open("reservationSet");
                for (Instance i : Instances.describe(r, p)) {
                    Instances.xml(x, r, i);
                }
                yield x.close("reservationSet");
            }
            default ->
                throw error(
                        "InvalidAction",
                        "devstack EC2 does not implement the action " + action + ". It implements DescribeVpcs,"
                                + " DescribeSubnets, DescribeSecurityGroups, CreateVpc, CreateSubnet,"
                                + " CreateSecurityGroup, CreateTags, DescribeInstanceTypeOfferings,"
                                + " CreateLaunchTemplate, CreateLaunchTemplateVersion, ModifyLaunchTemplate,"
                                + " DescribeLaunchTemplates, DescribeLaunchTemplateVersions and DescribeInstances.");
        };
    }
}
