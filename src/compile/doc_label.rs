//! The words a documentation link shows: "Amazon SQS · FIFO queues understanding logic" for
//! `https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html`.
//!
//! Made at build time and stored beside each address in the explanations file (`<url> <label>`), so the
//! app only splits them. The app made them from the address at run time and showed the guide's folder as
//! it stands ("AWSSimpleQueueService · FIFO-queues-understanding-logic", "goto · SendSSHPublicKey", and
//! "https: · hooks" for Kiro's pages), which a learner's walkthrough read as fragments of addresses.

/// The guides' folders under `https://docs.aws.amazon.com/` and the names a learner knows them by; a
/// folder not listed shows as it stands.
const GUIDES: &[(&str, &str)] = &[
    ("AmazonCloudFront", "CloudFront"),
    ("AmazonCloudWatch", "CloudWatch"),
    ("AmazonCloudWatchLogs", "CloudWatch Logs"),
    ("AmazonECR", "Amazon ECR"),
    ("AmazonECS", "Amazon ECS"),
    ("AmazonElastiCache", "ElastiCache"),
    ("AmazonRDS", "Amazon RDS"),
    ("AmazonS3", "Amazon S3"),
    ("AWSCloudFormation", "CloudFormation"),
    ("AWSEC2", "Amazon EC2"),
    ("AWSJavaSDK", "SDK for Java"),
    ("AWSJavaScriptSDK", "SDK for JavaScript"),
    ("AWSSimpleQueueService", "Amazon SQS"),
    ("IAM", "IAM"),
    ("Route53", "Route 53"),
    ("STS", "AWS STS"),
    ("acm", "ACM"),
    ("amazon-s3-encryption-client", "S3 Encryption Client"),
    ("amazondynamodb", "DynamoDB"),
    ("amazonq", "Amazon Q"),
    ("amplify", "Amplify"),
    ("apigateway", "API Gateway"),
    ("appconfig", "AppConfig"),
    ("athena", "Athena"),
    ("autoscaling", "Auto Scaling"),
    ("aws-managed-policy", "AWS managed policies"),
    ("awscloudtrail", "CloudTrail"),
    ("awsconsolehelpdocs", "AWS Management Console"),
    ("bedrock", "Amazon Bedrock"),
    ("bedrock-agentcore", "Bedrock AgentCore"),
    ("bedrock-agentcore-control", "Bedrock AgentCore"),
    ("boto3", "SDK for Python (Boto3)"),
    ("botocore", "Botocore"),
    ("cdk", "AWS CDK"),
    ("cfn-guard", "CloudFormation Guard"),
    ("cli", "AWS CLI"),
    ("cloudfront", "CloudFront"),
    ("cloudwatchinvestigations", "CloudWatch investigations"),
    ("code-library", "AWS SDK code examples"),
    ("codeartifact", "CodeArtifact"),
    ("codebuild", "CodeBuild"),
    ("codecommit", "CodeCommit"),
    ("codedeploy", "CodeDeploy"),
    ("codepipeline", "CodePipeline"),
    ("cognito", "Cognito"),
    ("cognito-user-identity-pools", "Cognito"),
    ("cognitoidentity", "Cognito identity pools"),
    ("compute-optimizer", "Compute Optimizer"),
    ("config", "AWS Config"),
    ("crypto", "AWS cryptography"),
    ("database-encryption-sdk", "Database Encryption SDK"),
    ("ebs", "Amazon EBS"),
    ("ec2-instance-connect", "EC2 Instance Connect"),
    ("eks", "Amazon EKS"),
    ("elasticbeanstalk", "Elastic Beanstalk"),
    ("elasticloadbalancing", "Elastic Load Balancing"),
    ("encryption-sdk", "Encryption SDK"),
    ("eventbridge", "EventBridge"),
    ("firehose", "Data Firehose"),
    ("general", "AWS General Reference"),
    ("imagebuilder", "Image Builder"),
    ("inspector", "Amazon Inspector"),
    ("kinesis", "Kinesis"),
    ("kms", "AWS KMS"),
    ("lambda", "AWS Lambda"),
    ("opensearch-service", "OpenSearch Service"),
    ("powertools", "Powertools for AWS Lambda"),
    ("prescriptive-guidance", "Prescriptive Guidance"),
    ("privateca", "Private CA"),
    ("scheduler", "EventBridge Scheduler"),
    ("java", "SDK for Java"),
    ("sdk-for-java", "SDK for Java"),
    ("sdk-for-sap-abap", "SDK for SAP ABAP"),
    ("sdk-for-javascript", "SDK for JavaScript"),
    ("sdk-for-kotlin", "SDK for Kotlin"),
    ("sdk-for-php", "SDK for PHP"),
    ("sdk-for-ruby", "SDK for Ruby"),
    ("sdkfornet", "SDK for .NET"),
    ("sdkref", "SDKs and Tools"),
    ("secretsmanager", "Secrets Manager"),
    ("serverless-application-model", "AWS SAM"),
    ("solutions", "AWS Solutions"),
    ("sns", "Amazon SNS"),
    ("step-functions", "Step Functions"),
    ("streams", "Kinesis Data Streams"),
    ("systems-manager", "Systems Manager"),
    ("vpc", "Amazon VPC"),
    ("wellarchitected", "Well-Architected"),
    ("xray", "X-Ray"),
    ("xray-sdk-for-ruby", "X-Ray SDK for Ruby"),
];

/// Pages whose last path segment does not read as words ("crpg-ref", "UsingKMSEncryption",
/// "Query.KeyConditionExpressions"), with what the page is about; the rest read well enough as they stand.
const PAGES: &[(&str, &str)] = &[
    // The SDK for SAP ABAP's operation pages are in capitals, with the service only in the path.
    (
        "AUTHORIZESECURITYGROUPEGRESS",
        "EC2 AuthorizeSecurityGroupEgress",
    ),
    ("GETQUERYRESULTS", "CloudWatch Logs GetQueryResults"),
    // AWS's own address misspells "overview".
    ("overiew-event-structure", "event structure"),
    ("Aurora.Endpoints.Reader", "reader endpoint"),
    ("CacheMetrics.Redis", "metrics for Redis OSS"),
    (
        "CacheMetrics.WhichShouldIMonitor",
        "which metrics to monitor",
    ),
    ("Concepts.MultiAZ", "Multi-AZ deployments"),
    ("Concepts.MultiAZSingleStandby", "Multi-AZ with one standby"),
    ("DAX.concepts", "DAX concepts"),
    ("DAX.consistency", "DAX consistency"),
    ("DeleteMarker", "delete markers"),
    ("DynamoDBLocal.UsageNotes", "DynamoDB local usage notes"),
    ("EncryptionAtRest", "encryption at rest"),
    ("Expressions.ConditionExpressions", "condition expressions"),
    ("HowItWorks.ReadConsistency", "read consistency"),
    ("HowItWorks.TableClasses", "table classes"),
    ("LifecyclePolicies", "lifecycle policies"),
    (
        "MDynamoDBv2DynamoDBBatchGetItemBatchGetItemRequestNET45",
        "BatchGetItem request",
    ),
    (
        "MKinesisIKinesisPutRecordsPutRecordsRequestNET35",
        "PutRecords request",
    ),
    ("ManageCorsUsing", "configuring CORS"),
    ("ManagingDelMarkers", "managing delete markers"),
    ("NotificationHowTo", "event notifications"),
    ("Query.FilterExpression", "filter expressions"),
    ("Query.KeyConditionExpressions", "key condition expressions"),
    ("Query.Other", "other query options"),
    ("Query.Pagination", "paginating query results"),
    ("RequestAndResponseBehaviorOriginGroups", "origin groups"),
    ("RequesterPaysBuckets", "Requester Pays buckets"),
    ("SQLtoNoSQL.Indexes.Creating", "creating an index"),
    ("SelectEngine", "choosing an engine"),
    ("ServerSideEncryptionCustomerKeys", "SSE-C"),
    (
        "ShareObjectPreSignedURL",
        "sharing objects with presigned URLs",
    ),
    ("UsingClientSideEncryption", "client-side encryption"),
    ("UsingKMSEncryption", "SSE-KMS"),
    ("UsingServerSideEncryption", "SSE-S3"),
    (
        "USER_MySQL.Replication.ReadReplicas.MultiAZ",
        "MySQL read replicas in Multi-AZ",
    ),
    ("UsingWithRDS.IAMDBAuth", "IAM database authentication"),
    (
        "UsingWithRDS.IAMDBAuth.DBAccounts",
        "IAM database authentication: database accounts",
    ),
    (
        "UsingWithRDS.IAMDBAuth.IAMPolicy",
        "IAM database authentication: IAM policy",
    ),
    ("WebsiteEndpoints", "website endpoints"),
    ("WhatIs", "what it is"),
    ("build-spec-ref", "buildspec reference"),
    ("crpg-ref", "custom resource reference"),
    ("crpg-ref-responses", "custom resource responses"),
    ("encryption.usagenotes", "encryption usage notes"),
    ("eventreference", "event reference"),
    ("lambda-urls", "function URLs"),
    ("mpuoverview", "multipart upload overview"),
    // CloudFormation's template reference: a resource or property type by the name its page bears (its
    // address runs the words together: "aws-properties-codedeploy-deploymentgroup-blueinstanceterminationoption").
    (
        "aws-properties-amplify-branch-basicauthconfig",
        "AWS::Amplify::Branch BasicAuthConfig",
    ),
    (
        "aws-properties-appconfig-configurationprofile-validators",
        "AWS::AppConfig::ConfigurationProfile Validators",
    ),
    (
        "aws-properties-autoscaling-scalingpolicy-predefinedmetricspecification",
        "AWS::AutoScaling::ScalingPolicy PredefinedMetricSpecification",
    ),
    (
        "aws-properties-cloudfront-cachepolicy-cachepolicyconfig",
        "AWS::CloudFront::CachePolicy CachePolicyConfig",
    ),
    (
        "aws-properties-cloudtrail-trail-insightselector",
        "AWS::CloudTrail::Trail InsightSelector",
    ),
    (
        "aws-properties-codedeploy-deploymentconfig-trafficroutingconfig",
        "AWS::CodeDeploy::DeploymentConfig TrafficRoutingConfig",
    ),
    (
        "aws-properties-codedeploy-deploymentgroup-blueinstanceterminationoption",
        "AWS::CodeDeploy::DeploymentGroup BlueInstanceTerminationOption",
    ),
    (
        "aws-properties-codedeploy-deploymentgroup-deployment",
        "AWS::CodeDeploy::DeploymentGroup Deployment",
    ),
    (
        "aws-properties-codedeploy-deploymentgroup-deploymentreadyoption",
        "AWS::CodeDeploy::DeploymentGroup DeploymentReadyOption",
    ),
    (
        "aws-properties-codepipeline-pipeline-gitpullrequestfilter",
        "AWS::CodePipeline::Pipeline GitPullRequestFilter",
    ),
    (
        "aws-properties-cognito-identitypoolroleattachment-rolemapping",
        "AWS::Cognito::IdentityPoolRoleAttachment RoleMapping",
    ),
    (
        "aws-properties-dynamodb-table-contributorinsightsspecification",
        "AWS::DynamoDB::Table ContributorInsightsSpecification",
    ),
    (
        "aws-properties-dynamodb-table-localsecondaryindex",
        "AWS::DynamoDB::Table LocalSecondaryIndex",
    ),
    (
        "aws-properties-ecs-service-deploymentconfiguration",
        "AWS::ECS::Service DeploymentConfiguration",
    ),
    (
        "aws-properties-ecs-service-forcenewdeployment",
        "AWS::ECS::Service ForceNewDeployment",
    ),
    (
        "aws-properties-ecs-taskdefinition-healthcheck",
        "AWS::ECS::TaskDefinition HealthCheck",
    ),
    (
        "aws-properties-ecs-taskdefinition-secret",
        "AWS::ECS::TaskDefinition Secret",
    ),
    (
        "aws-properties-lambda-function-filesystemconfig",
        "AWS::Lambda::Function FileSystemConfig",
    ),
    ("aws-properties-name", "Name type"),
    (
        "aws-properties-s3-bucket-eventbridgeconfiguration",
        "AWS::S3::Bucket EventBridgeConfiguration",
    ),
    (
        "aws-properties-stepfunctions-statemachine-loggingconfiguration",
        "AWS::StepFunctions::StateMachine LoggingConfiguration",
    ),
    (
        "aws-resource-cloudformation-stack",
        "AWS::CloudFormation::Stack",
    ),
    ("aws-resource-cloudwatch-alarm", "AWS::CloudWatch::Alarm"),
    (
        "aws-resource-cloudwatch-compositealarm",
        "AWS::CloudWatch::CompositeAlarm",
    ),
    (
        "aws-resource-cognito-identitypoolprincipaltag",
        "AWS::Cognito::IdentityPoolPrincipalTag",
    ),
    (
        "aws-resource-cognito-userpoolgroup",
        "AWS::Cognito::UserPoolGroup",
    ),
    ("aws-resource-dynamodb-table", "AWS::DynamoDB::Table"),
    ("aws-resource-ec2-keypair", "AWS::EC2::KeyPair"),
    ("aws-resource-ec2-vpcendpoint", "AWS::EC2::VPCEndpoint"),
    (
        "aws-resource-logs-loganomalydetector",
        "AWS::Logs::LogAnomalyDetector",
    ),
    (
        "aws-resource-logs-subscriptionfilter",
        "AWS::Logs::SubscriptionFilter",
    ),
    ("aws-resource-sqs-queue", "AWS::SQS::Queue"),
];

/// Whether [`label`] names the guide of `url` by name rather than showing its address folder as it stands
/// ("AWSJavaSDK · package summary" and "cognitoidentity · ..." reached learners before the table had them).
pub fn names_guide(url: &str) -> bool {
    match url.strip_prefix("https://docs.aws.amazon.com/") {
        None => url.starts_with("https://kiro.dev/docs/"),
        Some(path) => {
            let folder = path.split('/').next().unwrap_or("");
            folder == "goto" || GUIDES.iter().any(|(f, _)| *f == folder)
        }
    }
}

/// The label of a documentation address: the guide by name, then the page's last path segment in words.
pub fn label(url: &str) -> String {
    let clean = url
        .split(['#', '?'])
        .next()
        .unwrap_or(url)
        .trim_end_matches('/');
    if let Some(path) = clean.strip_prefix("https://kiro.dev/docs/") {
        // Kiro's pages: "Kiro CLI" for the CLI's, the rest of the path in words (two pages end in
        // "configuration"); the CLI's version folder says nothing.
        let mut parts: Vec<&str> = path.split('/').filter(|p| !is_version(p)).collect();
        let guide = if parts.first() == Some(&"cli") {
            parts.remove(0);
            "Kiro CLI"
        } else {
            "Kiro"
        };
        return joined(guide, &words(&parts.join(" ")));
    }
    let path = clean
        .strip_prefix("https://docs.aws.amazon.com/")
        .unwrap_or(clean);
    let parts: Vec<&str> = path.split('/').collect();
    let last = parts.last().copied().unwrap_or("");
    let guide = match parts.as_slice() {
        // `goto/WebAPI/<service>/<Operation>`: an API reference; `goto/aws-cli/...`, `goto/cli2/...`: the CLI's.
        ["goto", "WebAPI", ..] => "API reference",
        ["goto", ..] => "AWS CLI",
        [folder, ..] => GUIDES
            .iter()
            .find(|(f, _)| f == folder)
            .map_or(*folder, |(_, name)| name),
        [] => "",
    };
    if parts.len() < 2 {
        return guide.to_string();
    }
    // A type name may break after its "::" on a phone (it broke inside "DeploymentGroup").
    let mut page = PAGES
        .iter()
        .find(|(segment, _)| *segment == last.trim_end_matches(".html"))
        .map_or_else(
            || page_words(parts[0], guide, last),
            |(_, about)| about.replace("::", "::\u{200B}"),
        );
    // The SDK for Java's javadoc names the service only in its package path
    // (".../com/amazonaws/services/athena/package-summary.html" read as "package summary").
    if let Some(i) = parts.iter().position(|p| *p == "services")
        && parts[0] == "AWSJavaSDK"
        && i + 2 < parts.len()
    {
        page = format!("{} {page}", parts[i + 1]);
    }
    joined(guide, &page)
}

/// A page's last path segment in words, without what repeats the guide or only locates the page:
/// "API_AdminAddUserToGroup" is "AdminAddUserToGroup", API Gateway's "apigateway-use-lambda-authorizer" is
/// "use lambda authorizer", the CDK's "aws-cdk-lib.aws_ec2.KeyPairType" is "KeyPairType" and Elastic
/// Beanstalk's "using-features.deploy-existing-version" is "deploy existing version".
fn page_words(folder: &str, guide: &str, segment: &str) -> String {
    let mut s = segment.trim_end_matches(".html").trim_end_matches(".md");
    s = s.strip_prefix("API_").unwrap_or(s);
    let named = format!("{}-", guide.to_lowercase().replace(' ', "-"));
    for prefix in [format!("{}-", folder.to_lowercase()), named] {
        if s.len() > prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(&prefix) {
            s = &s[prefix.len()..];
        }
    }
    if let Some((_, tail)) = s.rsplit_once('.') {
        s = if tail.starts_with(|c: char| c.is_ascii_uppercase()) {
            tail
        } else {
            s.split_once('.').map_or(s, |(_, rest)| rest)
        };
    }
    words(s)
        .replace('.', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "v3", "latest": path segments that name a version, not a page.
fn is_version(segment: &str) -> bool {
    segment == "latest"
        || segment
            .strip_prefix('v')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A path segment in words: no `.html`/`.md`, `%5F` and other escapes decoded, hyphens and underscores as
/// spaces ("CloudWatch%5FEmbedded%5FMetric%5FFormat%5FSpecification" was shown as it stands).
fn words(segment: &str) -> String {
    let segment = segment.trim_end_matches(".html").trim_end_matches(".md");
    let mut out = String::new();
    let mut rest = segment;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        match rest
            .get(at + 1..at + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .filter(u8::is_ascii)
        {
            Some(b) => {
                out.push(char::from(b));
                rest = &rest[at + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out.replace(['-', '_'], " ")
}

fn joined(guide: &str, page: &str) -> String {
    if page.is_empty() {
        guide.to_string()
    } else {
        format!("{guide} · {page}")
    }
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_name_the_guide_as_a_learner_knows_it_and_the_page_in_words() {
        let cases = [
            (
                "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html",
                "Amazon SQS · FIFO queues understanding logic",
            ),
            (
                "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html",
                "AWS Lambda · invocation async",
            ),
            (
                "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html#x",
                "Amazon S3 · sharing objects with presigned URLs",
            ),
            (
                "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref.html",
                "CloudFormation · custom resource reference",
            ),
            (
                "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-deploymentconfiguration.html",
                "CloudFormation · AWS::\u{200B}ECS::\u{200B}Service DeploymentConfiguration",
            ),
            (
                "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html",
                "DynamoDB · key condition expressions",
            ),
            // An API operation's or type's name reads as it stands, without the "API_" of its address.
            (
                "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatchResult.html",
                "Amazon SQS · SendMessageBatchResult",
            ),
            // What repeats the guide, or only locates the page, is left out.
            (
                "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html",
                "API Gateway · use lambda authorizer",
            ),
            (
                "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
                "API Gateway · caching",
            ),
            (
                "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.KeyPairType.html",
                "AWS CDK · KeyPairType",
            ),
            (
                "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.deploy-existing-version.html",
                "Elastic Beanstalk · deploy existing version",
            ),
            (
                "https://docs.aws.amazon.com/powertools/python/latest/api_doc/parser/aws_lambda_powertools.parser.types.SqsEvent.html",
                "Powertools for AWS Lambda · SqsEvent",
            ),
            (
                "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminAddUserToGroup.html",
                "Cognito · AdminAddUserToGroup",
            ),
            ("https://docs.aws.amazon.com/bedrock/", "Amazon Bedrock"),
            (
                "https://docs.aws.amazon.com/goto/WebAPI/logs-2014-03-28/PutDataProtectionPolicy",
                "API reference · PutDataProtectionPolicy",
            ),
            (
                "https://docs.aws.amazon.com/goto/cli2/ec2-instance-connect-2018-04-02/SendSSHPublicKey",
                "AWS CLI · SendSSHPublicKey",
            ),
            ("https://kiro.dev/docs/cli/v3/hooks/", "Kiro CLI · hooks"),
            (
                "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html",
                "CloudWatch · CloudWatch Embedded Metric Format Specification",
            ),
            (
                "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch%5FEmbedded%5FMetric%5FFormat%5FSpecification.html",
                "CloudWatch · CloudWatch Embedded Metric Format Specification",
            ),
            (
                "https://kiro.dev/docs/mcp/configuration",
                "Kiro · mcp configuration",
            ),
            (
                "https://docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/services/athena/package-summary.html",
                "SDK for Java · athena package summary",
            ),
            (
                "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html",
                "Cognito identity pools · GetCredentialsForIdentity",
            ),
            (
                "https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html",
                "EventBridge · event structure",
            ),
            (
                "https://docs.aws.amazon.com/sdk-for-sap-abap/v1/api/latest/cwl/operation/GETQUERYRESULTS.html",
                "SDK for SAP ABAP · CloudWatch Logs GetQueryResults",
            ),
            (
                "https://docs.aws.amazon.com/some-new-guide/latest/ug/a_page.html",
                "some-new-guide · a page",
            ),
        ];
        for (url, want) in cases {
            assert_eq!(label(url), want, "{url}");
        }
    }
}
